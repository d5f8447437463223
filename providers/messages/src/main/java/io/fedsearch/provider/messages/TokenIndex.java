package io.fedsearch.provider.messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;

/**
 * The distinct space-separated tokens of the lower-cased texts, each with the messages holding it, and a gram
 * index over the tokens. A needle without a space can only occur inside one token, so the messages holding it are
 * exactly the union of the postings of the tokens that contain it: found without reading a single message text.
 * This keeps common words cheap (checking 10% of a million texts with contains costs ~10 ms; the token dictionary
 * is orders of magnitude smaller).
 */
final class TokenIndex {

    private final String[] tokens;
    private final Postings[] postings;
    private final GramIndex grams;
    private final int count;

    private TokenIndex(String[] tokens, Postings[] postings, GramIndex grams, int count) {
        this.tokens = tokens;
        this.postings = postings;
        this.grams = grams;
        this.count = count;
    }

    static TokenIndex build(String[] texts) {
        int denseFrom = PostingsBuilder.denseFrom(texts.length);
        var ids = new HashMap<String, Integer>();
        var tokens = new ArrayList<String>();
        var building = new ArrayList<PostingsBuilder>();
        for (int ordinal = 0; ordinal < texts.length; ordinal++) {
            String text = texts[ordinal];
            int from = 0;
            while (from < text.length()) {
                int space = text.indexOf(' ', from);
                int to = space < 0 ? text.length() : space;
                if (to > from) {
                    String token = text.substring(from, to);
                    Integer id = ids.get(token);
                    if (id == null) {
                        id = tokens.size();
                        ids.put(token, id);
                        tokens.add(token);
                        building.add(new PostingsBuilder(texts.length, denseFrom));
                    }
                    building.get(id).add(ordinal);
                }
                from = to + 1;
            }
        }
        var postings = new Postings[building.size()];
        for (int i = 0; i < postings.length; i++) postings[i] = building.get(i).finish();
        String[] distinct = tokens.toArray(String[]::new);
        return new TokenIndex(distinct, postings, GramIndex.build(distinct), texts.length);
    }

    /**
     * One page of the messages holding the needle (non-empty, without a space), ascending, and the exact total.
     * Few matches are merged from the token lists into an array; many go through a bit set over all messages
     * (125 KB at a million, too much garbage to make for every rare query).
     */
    MessageIndex.Matches holding(String needle, long offset, int limit) {
        var lists = new ArrayList<Postings>();
        grams.forEachHolding(needle, tokens, token -> lists.add(postings[token]));
        long sum = 0;
        for (Postings list : lists) sum += list.cardinality();
        if (sum <= count / 64) {
            // Every list here is sparse: a dense one alone holds more than count / 32.
            var merged = new int[(int) sum];
            int at = 0;
            for (Postings list : lists) {
                int[] ordinals = ((Postings.Sparse) list).ordinals();
                System.arraycopy(ordinals, 0, merged, at, ordinals.length);
                at += ordinals.length;
            }
            Arrays.sort(merged);
            int unique = 0;
            for (int i = 0; i < merged.length; i++) {
                if (i == 0 || merged[i] != merged[i - 1]) merged[unique++] = merged[i];
            }
            int from = (int) Math.min(offset, unique);
            int to = (int) Math.min(unique, from + (long) limit);
            return new MessageIndex.Matches(unique, Arrays.copyOfRange(merged, from, to));
        }
        var messages = new BitSet(count);
        lists.forEach(list -> list.orInto(messages));
        return page(messages, offset, limit);
    }

    private static MessageIndex.Matches page(BitSet matches, long offset, int limit) {
        int total = matches.cardinality();
        int from = (int) Math.min(offset, total);
        int to = (int) Math.min(total, from + (long) limit);
        var page = new int[to - from];
        int ordinal = matches.nextSetBit(0);
        for (int skipped = 0; skipped < from; skipped++) ordinal = matches.nextSetBit(ordinal + 1);
        for (int i = 0; i < page.length; i++, ordinal = matches.nextSetBit(ordinal + 1)) page[i] = ordinal;
        return new MessageIndex.Matches(total, page);
    }

    int tokens() {
        return tokens.length;
    }
}
