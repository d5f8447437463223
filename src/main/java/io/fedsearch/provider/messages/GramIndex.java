package io.fedsearch.provider.messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * For every 1-, 2- and 3-character gram (UTF-16 units) of the lower-cased texts, the messages holding it. A text
 * that contains a needle contains every gram of the needle, so intersecting the needle's gram postings gives a
 * superset of the matches; needles of one to three characters are a single gram, and their postings are exact.
 */
final class GramIndex {

    private final LongIntMap slots;
    private final Postings[] postings;

    private GramIndex(LongIntMap slots, Postings[] postings) {
        this.slots = slots;
        this.postings = postings;
    }

    static GramIndex build(String[] texts) {
        // A list longer than this costs more as ints than as one bit per message.
        int denseFrom = Math.max(64, texts.length / 32);
        var slots = new LongIntMap(1 << 14);
        var building = new ArrayList<Builder>();
        for (int ordinal = 0; ordinal < texts.length; ordinal++) {
            String text = texts[ordinal];
            int length = text.length();
            for (int p = 0; p < length; p++) {
                char c0 = text.charAt(p);
                add(slots, building, unigram(c0), ordinal, texts.length, denseFrom);
                if (p + 1 < length) {
                    char c1 = text.charAt(p + 1);
                    add(slots, building, bigram(c0, c1), ordinal, texts.length, denseFrom);
                    if (p + 2 < length) {
                        add(slots, building, trigram(c0, c1, text.charAt(p + 2)), ordinal, texts.length, denseFrom);
                    }
                }
            }
        }
        var postings = new Postings[building.size()];
        for (int i = 0; i < postings.length; i++) {
            postings[i] = building.get(i).finish();
            building.set(i, null);
        }
        return new GramIndex(slots, postings);
    }

    private static void add(LongIntMap slots, List<Builder> building, long key, int ordinal, int count, int denseFrom) {
        int slot = slots.get(key);
        if (slot < 0) {
            slot = building.size();
            building.add(new Builder(count, denseFrom));
            slots.putNew(key, slot);
        }
        building.get(slot).add(ordinal);
    }

    /**
     * The postings of every gram the needle is made of, or null when one of them occurs nowhere (then nothing can
     * match). One or two characters: their single gram; longer: each distinct trigram.
     */
    List<Postings> postingsOf(String needle) {
        var keys = new ArrayList<Long>();
        if (needle.length() == 1) {
            keys.add(unigram(needle.charAt(0)));
        } else if (needle.length() == 2) {
            keys.add(bigram(needle.charAt(0), needle.charAt(1)));
        } else {
            for (int p = 0; p + 2 < needle.length(); p++) {
                long key = trigram(needle.charAt(p), needle.charAt(p + 1), needle.charAt(p + 2));
                if (!keys.contains(key)) keys.add(key);
            }
        }
        var found = new ArrayList<Postings>(keys.size());
        for (long key : keys) {
            int slot = slots.get(key);
            if (slot < 0) return null;
            found.add(postings[slot]);
        }
        return found;
    }

    int grams() {
        return postings.length;
    }

    // The tag in the top bits keeps the three key spaces apart and every key non-zero.
    private static long unigram(char c) {
        return (1L << 48) | c;
    }

    private static long bigram(char c0, char c1) {
        return (2L << 48) | ((long) c0 << 16) | c1;
    }

    private static long trigram(char c0, char c1, char c2) {
        return (3L << 48) | ((long) c0 << 32) | ((long) c1 << 16) | c2;
    }

    /** One gram's growing list; turns into a bit set once that is smaller. Ordinals arrive ascending. */
    private static final class Builder {

        private final int count;
        private final int denseFrom;
        private int[] ordinals = new int[2];
        private BitSet bits;
        private int cardinality;
        private int last = -1;

        Builder(int count, int denseFrom) {
            this.count = count;
            this.denseFrom = denseFrom;
        }

        void add(int ordinal) {
            if (ordinal == last) return;
            last = ordinal;
            cardinality++;
            if (bits != null) {
                bits.set(ordinal);
            } else if (cardinality > denseFrom) {
                bits = new BitSet(count);
                for (int i = 0; i < cardinality - 1; i++) bits.set(ordinals[i]);
                bits.set(ordinal);
                ordinals = null;
            } else {
                if (cardinality > ordinals.length) ordinals = Arrays.copyOf(ordinals, ordinals.length * 2);
                ordinals[cardinality - 1] = ordinal;
            }
        }

        Postings finish() {
            return bits != null ? new Postings.Dense(bits, cardinality)
                    : new Postings.Sparse(Arrays.copyOf(ordinals, cardinality));
        }
    }
}
