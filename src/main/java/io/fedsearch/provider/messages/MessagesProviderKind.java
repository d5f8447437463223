package io.fedsearch.provider.messages;

import io.fedsearch.provider.InvalidConfigurationException;
import io.fedsearch.provider.ProviderKind;
import io.fedsearch.provider.ProviderSettings;
import io.fedsearch.provider.SearchProvider;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code messages} kind. Keys: {@code source-url} (a paginated Aurora upstream; none = the bundled sample) and
 * {@code refresh} (default 10m). The bundled sample is loaded before the provider is returned (a few ms); an
 * upstream is loaded in the background so a slow or absent upstream never holds up the start: until its first load
 * the provider answers "index not loaded yet". It is then fetched again every {@code refresh} (counted from the end
 * of the previous fetch).
 */
@Component
class MessagesProviderKind implements ProviderKind, DisposableBean {

    /** Page fetches: 4 tries, 250 ms then 500 ms then 1 s apart, on connection failures, timeouts, 429 and 5xx. */
    static final RetryConfig PAGE_RETRY = RetryConfig.custom()
            .maxAttempts(4)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(250), 2.0))
            .retryOnException(e -> e instanceof IOException)
            .build();

    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final ScheduledExecutorService refresher = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().daemon().name("messages-refresh-", 0).factory());

    MessagesProviderKind(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String type() {
        return "messages";
    }

    @Override
    public SearchProvider create(String id, ProviderSettings s) {
        String key = "fedsearch.providers." + id;
        if (s.sourceUrl() == null || s.sourceUrl().isBlank()) {
            var provider = new MessagesProvider(id, new BundledSample(json), json);
            if (!provider.refresh()) {
                throw new IllegalStateException("provider " + id + ": " + provider.degradedReason());
            }
            return provider;
        }
        URI url = sourceUrl(key + ".source-url", s.sourceUrl());
        Duration refresh = s.refresh();
        if (refresh == null || refresh.isZero() || refresh.isNegative()) {
            throw new InvalidConfigurationException(key + ".refresh", refresh, "a positive duration such as 10m");
        }
        var source = new AuroraSource(url, http, json, Retry.of("messages-" + id, PAGE_RETRY));
        var provider = new MessagesProvider(id, source, json);
        refresher.execute(provider::refresh);
        refresher.scheduleWithFixedDelay(provider::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
        return provider;
    }

    private static URI sourceUrl(String key, String value) {
        try {
            URI url = URI.create(value.strip());
            if (url.getScheme() != null && url.getScheme().matches("https?") && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidConfigurationException(key, value, "an http(s) URL such as http://aurora.example/messages");
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
        http.shutdownNow();
    }
}
