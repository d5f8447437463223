package io.fedsearch.provider.messages;

import io.fedsearch.provider.InvalidConfigurationException;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A {@code messages} provider's own keys under {@code fedsearch.providers.<id>}, checked when bound.
 *
 * @param sourceUrl the paginated Aurora upstream ({@code GET {source-url}?skip=N&limit=M}); null = the bundled sample
 * @param refresh   how often the whole upstream is fetched again, counted from the end of the previous fetch
 */
public record MessagesSettings(String sourceUrl, @DefaultValue("10m") Duration refresh) {

    public MessagesSettings {
        if (sourceUrl != null && sourceUrl.isBlank()) sourceUrl = null;
        if (sourceUrl != null) sourceUrl = checked(sourceUrl).toString();
        if (refresh == null || refresh.isZero() || refresh.isNegative()) {
            throw new InvalidConfigurationException("refresh", refresh, "a positive duration such as 10m");
        }
    }

    private static URI checked(String value) {
        try {
            URI url = URI.create(value.strip());
            if (url.getScheme() != null && url.getScheme().matches("https?") && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidConfigurationException("source-url", value, "an http(s) URL such as http://aurora.example/messages");
    }
}
