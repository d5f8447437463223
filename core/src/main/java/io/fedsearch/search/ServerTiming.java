package io.fedsearch.search;

import io.fedsearch.search.SearchResponse.ProviderEntry;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code Server-Timing} header of a search: each provider's time in ms, with its status as {@code desc} when
 * it did not answer ok ({@code messages;dur=3, arxiv;dur=120;desc="timeout"}). Browsers' developer tools show it.
 */
final class ServerTiming {

    static final String HEADER = "Server-Timing";
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    private ServerTiming() {
    }

    static String of(List<ProviderEntry> providers) {
        return providers.stream().map(ServerTiming::metric).collect(Collectors.joining(", "));
    }

    private static String metric(ProviderEntry entry) {
        String metric = token(entry.provider()) + ";dur=" + entry.tookMs();
        return entry.status() == ProviderStatus.OK ? metric : metric + ";desc=\"" + entry.status().wire() + "\"";
    }

    /** A metric name must be an HTTP token: any other character becomes '_'. */
    static String token(String name) {
        if (name == null || name.isEmpty()) return "_";
        var token = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            boolean tchar = (c < 128 && Character.isLetterOrDigit(c)) || TCHAR_SYMBOLS.indexOf(c) >= 0;
            token.append(tchar ? c : '_');
        }
        return token.toString();
    }
}
