package io.fedsearch.provider.solr;

import java.util.Set;

/**
 * Turns what a person typed into edismax input that means only "these words, these phrases".
 *
 * <p>Text in balanced double quotes stays a phrase (only backslashes inside are escaped). Elsewhere every character
 * of the Lucene query syntax ({@code + - && || ! ( ) { } [ ] ^ " ~ * ? : \ /} and {@code & | ;}) is escaped with a
 * backslash, so there are no field queries ({@code title:x}), wildcards, ranges, regexes, boosts, fuzzy or
 * proximity operators, required/prohibited clauses, nested parsers ({@code {!lucene}}, {@code _query_}) or
 * match-all ({@code *:*}). The operator words {@code AND}, {@code OR} and {@code NOT} become one-word phrases, i.e.
 * plain words. A stray quote is escaped. The result finds the literal words or nothing; it is never a syntax error.
 */
final class SolrQueryText {

    private static final String SYNTAX = "\\+-!():^[]\"{}~*?|&;/";
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");

    private SolrQueryText() {
    }

    static String escape(String text) {
        var out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    word(out, "\"");
                    i++;
                } else {
                    phrase(out, text.substring(i + 1, close));
                    i = close + 1;
                }
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                    end++;
                }
                word(out, text.substring(i, end));
                i = end;
            }
        }
        if (out.isEmpty()) {
            // Nothing but quotes (""): as literal characters. Solr ignores an empty filter, which would match all.
            word(out, text.strip());
        }
        return out.toString();
    }

    private static void phrase(StringBuilder out, String inside) {
        String trimmed = inside.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        separate(out).append('"').append(trimmed.replace("\\", "\\\\")).append('"');
    }

    private static void word(StringBuilder out, String word) {
        if (OPERATORS.contains(word)) {
            separate(out).append('"').append(word).append('"');
            return;
        }
        separate(out);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (SYNTAX.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static StringBuilder separate(StringBuilder out) {
        return out.isEmpty() ? out : out.append(' ');
    }
}
