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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code messages} kind ({@link MessagesSettings}). The bundled sample is indexed on a background thread while
 * the rest of the context starts (about a second on a cold JVM), and {@link #start()} waits for it before the web
 * server opens its port, so once the app is ready {@code /search} answers from it; a sample that cannot be loaded
 * still fails the start. An upstream is loaded in the background and never holds up the start (a slow or absent
 * upstream): until its first load the provider answers "index not loaded yet". It is then fetched again every
 * {@code refresh}.
 */
class MessagesProviderKind implements ProviderKind<MessagesSettings>, SmartLifecycle, DisposableBean {

    /** Page fetches: 4 tries, 250 ms then 500 ms then 1 s apart, on connection failures, timeouts, 429 and 5xx. */
    static final RetryConfig PAGE_RETRY = RetryConfig.custom()
            .maxAttempts(4)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(250), 2.0))
            .retryOnException(e -> e instanceof IOException)
            .build();

    private final JsonMapper json;
    private final UpstreamTransport http;
    private final List<MessagesProvider> created = new CopyOnWriteArrayList<>();
    /** Bundled-sample loads under way: each must succeed before the app starts. */
    private final List<Loading> loading = new CopyOnWriteArrayList<>();
    private volatile boolean running;
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
            loading.add(new Loading(provider, refresher.submit(provider::refresh)));
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

    /** Waits for the bundled samples; phase 0 runs before the web server starts (late in the lifecycle order). */
    @Override
    public void start() {
        for (Loading l : loading) {
            boolean loaded;
            try {
                loaded = l.done().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("provider " + l.provider().id() + ": interrupted while loading", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("provider " + l.provider().id() + ": " + e.getCause(), e.getCause());
            }
            if (!loaded) throw new IllegalStateException("provider " + l.provider().id() + ": " + l.provider().degradedReason());
        }
        loading.clear();
        running = true;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Loading(MessagesProvider provider, Future<Boolean> done) {
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
