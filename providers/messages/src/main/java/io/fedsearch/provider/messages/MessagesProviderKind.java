package io.fedsearch.provider.messages;

import io.fedsearch.provider.ProviderKind;
import io.fedsearch.provider.SearchProvider;
import io.fedsearch.provider.UpstreamTransport;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code messages} kind ({@link MessagesSettings}). The bundled sample is loaded before the provider is returned
 * (a few ms); an upstream is loaded in the background so a slow or absent upstream never holds up the start: until
 * its first load the provider answers "index not loaded yet". It is then fetched again every {@code refresh}.
 */
class MessagesProviderKind implements ProviderKind<MessagesSettings>, DisposableBean {

    /** Page fetches: 4 tries, 250 ms then 500 ms then 1 s apart, on connection failures, timeouts, 429 and 5xx. */
    static final RetryConfig PAGE_RETRY = RetryConfig.custom()
            .maxAttempts(4)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(250), 2.0))
            .retryOnException(e -> e instanceof IOException)
            .build();

    private final JsonMapper json;
    private final UpstreamTransport http;
    private final List<MessagesProvider> created = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().daemon().name("messages-refresh-", 0).factory());

    MessagesProviderKind(JsonMapper json, UpstreamTransport http) {
        this.json = json;
        this.http = http;
    }

    @Override
    public String type() {
        return "messages";
    }

    @Override
    public Class<MessagesSettings> settingsType() {
        return MessagesSettings.class;
    }

    @Override
    public SearchProvider create(String id, MessagesSettings s) {
        MessagesProvider provider;
        if (s.sourceUrl() == null) {
            provider = new MessagesProvider(id, new BundledSample(json), json);
            if (!provider.refresh()) {
                throw new IllegalStateException("provider " + id + ": " + provider.degradedReason());
            }
        } else {
            var source = new AuroraSource(URI.create(s.sourceUrl()), http, json, Retry.of("messages-" + id, PAGE_RETRY));
            provider = new MessagesProvider(id, source, json);
            long every = s.refresh().toMillis();
            refresher.execute(provider::refresh);
            refresher.scheduleWithFixedDelay(provider::refresh, every, every, TimeUnit.MILLISECONDS);
        }
        created.add(provider);
        return provider;
    }

    /** Every provider this kind made, for the health report. */
    List<MessagesProvider> created() {
        return created;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
