package io.fedsearch.provider.messages;

import java.util.ArrayList;
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

    /** The messages holding the needle, which must be non-empty and hold no space. */
    BitSet holding(String needle) {
        var messages = new BitSet(count);
        grams.forEachHolding(needle, tokens, token -> postings[token].orInto(messages));
        return messages;
    }

    int tokens() {
        return tokens.length;
    }
}
