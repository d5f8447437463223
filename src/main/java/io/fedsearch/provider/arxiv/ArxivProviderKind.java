package io.fedsearch.provider.arxiv;

import io.fedsearch.provider.InvalidConfigurationException;
import io.fedsearch.provider.ProviderKind;
import io.fedsearch.provider.ProviderSettings;
import io.fedsearch.provider.SearchProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The {@code arxiv} kind. Key: {@code base-url}, the API endpoint (default {@value #DEFAULT_BASE_URL}), checked at
 * start-up. arXiv asks clients for one connection at a time and 3 s between calls, so those are this kind's
 * defaults for max-concurrency and min-interval (both can still be set per provider).
 */
@Component
class ArxivProviderKind implements ProviderKind {

    static final String DEFAULT_BASE_URL = "https://export.arxiv.org/api/query";

    @Override
    public String type() {
        return "arxiv";
    }

    @Override
    public SearchProvider create(String id, ProviderSettings settings) {
        String baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl().strip();
        if (!isHttpUrl(baseUrl)) {
            throw new InvalidConfigurationException("fedsearch.providers." + id + ".base-url", settings.baseUrl(),
                    "an http(s) URL such as " + DEFAULT_BASE_URL);
        }
        return new ArxivProvider(id, baseUrl);
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

    @Override
    public int defaultMaxConcurrency() {
        return 1;
    }

    @Override
    public Duration defaultMinInterval() {
        return Duration.ofSeconds(3);
    }
}
