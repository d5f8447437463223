package io.fedsearch.provider.messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * For every 1-, 2- and 3-character gram (UTF-16 units) of some texts (messages, or tokens), the texts holding it. A text
 * that contains a needle contains every gram of the needle, so intersecting the needle's gram postings gives a
 * superset of the matches; needles of one to three characters are a single gram, and their postings are exact.
 */
final class GramIndex {

    /** Gram lists checked per candidate besides the smallest one; the contains check settles the rest. */
    private static final int PROBES = 3;

    private final LongIntMap slots;
    private final Postings[] postings;

    private GramIndex(LongIntMap slots, Postings[] postings) {
        this.slots = slots;
        this.postings = postings;
    }

    static GramIndex build(String[] texts) {
        int denseFrom = PostingsBuilder.denseFrom(texts.length);
        var slots = new LongIntMap(1 << 14);
        var building = new ArrayList<PostingsBuilder>();
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

    private static void add(LongIntMap slots, List<PostingsBuilder> building, long key, int ordinal, int count,
                            int denseFrom) {
        int slot = slots.get(key);
        if (slot < 0) {
            slot = building.size();
            building.add(new PostingsBuilder(count, denseFrom));
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

    /**
     * Calls the visitor, ascending, with every text (by ordinal) that holds the non-empty needle: the needle's
     * rarest gram list drives, the next {@value #PROBES} lists filter, and when the grams cannot tell (a needle
     * longer than three characters) {@code contains} on the text decides.
     */
    void forEachHolding(String needle, String[] texts, Postings.Visitor visitor) {
        List<Postings> lists = postingsOf(needle);
        if (lists == null) return;
        lists.sort(Comparator.comparingInt(Postings::cardinality));
        var probes = new Postings.Probe[Math.min(PROBES, lists.size() - 1)];
        for (int i = 0; i < probes.length; i++) probes[i] = lists.get(i + 1).probe();
        boolean verify = needle.length() > 3;
        lists.getFirst().forEach(ordinal -> {
            for (Postings.Probe probe : probes) {
                if (!probe.has(ordinal)) return;
            }
            if (verify && !texts[ordinal].contains(needle)) return;
            visitor.visit(ordinal);
        });
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
}
