package io.fedsearch.provider.arxiv;

import io.fedsearch.provider.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An {@code arxiv} provider's own key under {@code fedsearch.providers.<id>}, checked when bound.
 *
 * @param baseUrl the API endpoint, an http(s) URL without fragment; default {@value #DEFAULT_BASE_URL}
 */
public record ArxivSettings(@DefaultValue(ArxivSettings.DEFAULT_BASE_URL) String baseUrl) {

    static final String DEFAULT_BASE_URL = "https://export.arxiv.org/api/query";

    public ArxivSettings {
        String given = baseUrl;
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl.strip();
        if (!isHttpUrl(baseUrl)) {
            throw new InvalidConfigurationException("base-url", given, "an http(s) URL such as " + DEFAULT_BASE_URL);
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
