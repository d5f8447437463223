package io.fedsearch.provider.messages;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An immutable snapshot of every message, indexed for substring search. A search gives exactly what
 * {@code message.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT))} over every message would, in
 * upstream order, with the exact total:
 * <ul>
 *   <li>a needle of 1 to 3 characters is one gram: its list of messages is the answer ({@link GramIndex});</li>
 *   <li>a longer needle without a space is answered from the distinct tokens ({@link TokenIndex});</li>
 *   <li>a longer needle with a space: candidates from its rarest trigrams, each checked with {@code contains}.</li>
 * </ul>
 * Texts are lower-cased one message at a time, because lower-casing can change a text's length and depends on the
 * context (the Greek final sigma). Public only for the benchmark (io.fedsearch.bench).
 */
final class MessageIndex {

    private final byte[][] raw;
    private final String[] lower;
    private final GramIndex grams;
    private final TokenIndex tokens;
    private final Instant builtAt;

    private MessageIndex(byte[][] raw, String[] lower, GramIndex grams, TokenIndex tokens, Instant builtAt) {
        this.raw = raw;
        this.lower = lower;
        this.grams = grams;
        this.tokens = tokens;
        this.builtAt = builtAt;
    }

    public static MessageIndex build(List<Message> messages) {
        var raw = new byte[messages.size()][];
        var lower = new String[messages.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = messages.get(i).raw();
            lower[i] = messages.get(i).text().toLowerCase(Locale.ROOT);
        }
        return new MessageIndex(raw, lower, GramIndex.build(lower), TokenIndex.build(lower), Instant.now());
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
        if (needle.length() > 3 && needle.indexOf(' ') < 0) {
            return tokens.holding(needle, offset, limit);
        }
        var collector = new Collector(offset, limit);
        grams.forEachHolding(needle, lower, collector);
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

    public int tokens() {
        return tokens.tokens();
    }

    /** Counts every match and keeps those of the wanted page; matches arrive in ascending ordinal order. */
    private static final class Collector implements Postings.Visitor {

        private final long offset;
        private final long end;
        private int[] page = new int[16];
        private int kept;
        private long total;

        Collector(long offset, int limit) {
            this.offset = offset;
            this.end = offset + limit < 0 ? Long.MAX_VALUE : offset + limit;
        }

        @Override
        public void visit(int ordinal) {
            if (total >= offset && total < end) {
                if (kept == page.length) page = Arrays.copyOf(page, kept * 2);
                page[kept++] = ordinal;
            }
            total++;
        }
    }
}
