package io.fedsearch.provider.json;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Expands {query}, {page}, {size}, {offset} and {user} in a URL template, each value URL-encoded. */
final class UrlTemplate {

    private UrlTemplate() {
    }

    static URI expand(String template, String query, int page, int size, int offset, String user) {
        return URI.create(template
                .replace("{query}", encode(query))
                .replace("{page}", Integer.toString(page))
                .replace("{size}", Integer.toString(size))
                .replace("{offset}", Integer.toString(offset))
                .replace("{user}", encode(user)));
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
