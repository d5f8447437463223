package io.fedsearch.provider.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An immutable snapshot of every message with a gram index over the lower-cased texts. A search gives exactly
 * what {@code message.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT))} over every message would, in
 * upstream order: grams only narrow the candidates. A needle of up to three characters is one gram, whose list is
 * exact; every candidate of a longer needle is checked with {@code contains} on its own lower-cased text. Texts are
 * lower-cased one message at a time, because lower-casing can change a text's length and depends on the context
 * (the Greek final sigma). Public only for the benchmark (io.fedsearch.bench).
 */
public final class MessageIndex {

    /** Trigram lists checked per candidate besides the smallest one; the contains check settles the rest. */
    private static final int PROBES = 3;

    private final byte[][] raw;
    private final String[] lower;
    private final GramIndex grams;
    private final Instant builtAt;

    private MessageIndex(byte[][] raw, String[] lower, GramIndex grams, Instant builtAt) {
        this.raw = raw;
        this.lower = lower;
        this.grams = grams;
        this.builtAt = builtAt;
    }

    public static MessageIndex build(List<Message> messages) {
        var raw = new byte[messages.size()][];
        var lower = new String[messages.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = messages.get(i).raw();
            lower[i] = messages.get(i).text().toLowerCase(Locale.ROOT);
        }
        return new MessageIndex(raw, lower, GramIndex.build(lower), Instant.now());
    }

    /** Matching ordinals of one page and the total. */
    public record Matches(long total, int[] ordinals) {
    }

    /**
     * The messages whose text holds {@code q} regardless of case; empty {@code q} matches every message.
     *
     * @param q      taken as given: not trimmed
     * @param offset matches to skip, from 0; past the end gives an empty page
     * @param limit  matches wanted, from 0
     */
    public Matches find(String q, long offset, int limit) {
        String needle = q.toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            int from = (int) Math.min(offset, lower.length);
            int to = (int) Math.min(lower.length, from + (long) limit);
            var page = new int[to - from];
            for (int i = 0; i < page.length; i++) page[i] = from + i;
            return new Matches(lower.length, page);
        }
        List<Postings> lists = grams.postingsOf(needle);
        if (lists == null) {
            return new Matches(0, new int[0]);
        }
        lists = new ArrayList<>(lists);
        lists.sort(Comparator.comparingInt(Postings::cardinality));
        var probes = new Postings.Probe[Math.min(PROBES, lists.size() - 1)];
        for (int i = 0; i < probes.length; i++) probes[i] = lists.get(i + 1).probe();
        var collector = new Collector(needle, needle.length() > 3, probes, offset, limit);
        lists.getFirst().forEach(collector);
        return new Matches(collector.total, Arrays.copyOf(collector.page, collector.kept));
    }

    /** Every matching ordinal, ascending; for the provider's cache of costly queries. */
    public int[] findAll(String q) {
        return find(q, 0, Integer.MAX_VALUE).ordinals();
    }

    public int size() {
        return raw.length;
    }

    byte[] raw(int ordinal) {
        return raw[ordinal];
    }

    Instant builtAt() {
        return builtAt;
    }

    public int grams() {
        return grams.grams();
    }

    /** Counts every match and keeps those of the wanted page; candidates arrive in ascending ordinal order. */
    private final class Collector implements Postings.Visitor {

        private final String needle;
        private final boolean verify;
        private final Postings.Probe[] probes;
        private final long offset;
        private final long end;
        private int[] page = new int[16];
        private int kept;
        private long total;

        Collector(String needle, boolean verify, Postings.Probe[] probes, long offset, int limit) {
            this.needle = needle;
            this.verify = verify;
            this.probes = probes;
            this.offset = offset;
            this.end = offset + limit < 0 ? Long.MAX_VALUE : offset + limit;
        }

        @Override
        public void visit(int ordinal) {
            for (Postings.Probe probe : probes) {
                if (!probe.has(ordinal)) return;
            }
            if (verify && !lower[ordinal].contains(needle)) return;
            if (total >= offset && total < end) {
                if (kept == page.length) page = Arrays.copyOf(page, kept * 2);
                page[kept++] = ordinal;
            }
            total++;
        }
    }
}
