package io.fedsearch.provider.messages;

import io.fedsearch.provider.UpstreamRequest;
import io.fedsearch.provider.UpstreamResponse;
import io.fedsearch.provider.UpstreamTransport;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches a whole paginated Aurora upstream: {@code GET {url}?skip=N&limit=M}. The first page gives the total and
 * the page length the upstream really serves (it may cap {@code limit}); the other pages are then fetched
 * {@value #PARALLEL_PAGES} at a time and put back in upstream order. Each page is retried under {@link Retry}
 * (connection failures, timeouts, HTTP 429 and 5xx); any page that still fails fails the whole fetch, so a partial
 * set is never served. Pages go through the core's one HTTP client ({@link UpstreamTransport}): its body limit
 * applies to each page.
 */
final class AuroraSource implements MessageSource {

    /** Items asked per page; an upstream that serves fewer is followed page by page. */
    static final int PAGE_LIMIT = 1000;
    static final int PARALLEL_PAGES = 4;
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    private final URI url;
    private final UpstreamTransport http;
    private final JsonMapper json;
    private final Retry retry;

    AuroraSource(URI url, UpstreamTransport http, JsonMapper json, Retry retry) {
        this.url = url;
        this.http = http;
        this.json = json;
        this.retry = retry;
    }

    @Override
    public List<Message> fetchAll() throws Exception {
        AuroraPage first = page(0, PAGE_LIMIT);
        long total = first.total();
        int step = first.items().size();
        var messages = new ArrayList<Message>((int) Math.min(total, Integer.MAX_VALUE - 8));
        messages.addAll(first.items());
        if (step == 0) {
            if (total > 0) throw new IOException("no items at skip=0 although total is " + total);
            return messages;
        }
        var pool = Executors.newFixedThreadPool(PARALLEL_PAGES, Thread.ofVirtual().name("aurora-page-", 0).factory());
        try (pool) {
            var pages = new ArrayList<Future<List<Message>>>();
            for (long skip = step; skip < total; skip += step) {
                long from = skip;
                int want = (int) Math.min(step, total - skip);
                pages.add(pool.submit(() -> range(from, want, total)));
            }
            for (Future<List<Message>> page : pages) {
                messages.addAll(page.get());
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return messages;
    }

    /** Exactly {@code want} items from {@code skip}, in as many calls as the upstream needs. */
    private List<Message> range(long skip, int want, long total) throws Exception {
        var items = new ArrayList<Message>(want);
        while (items.size() < want) {
            AuroraPage page = page(skip + items.size(), want - items.size());
            if (page.items().isEmpty()) {
                throw new IOException("no items at skip=" + (skip + items.size()) + " although total is " + total);
            }
            items.addAll(page.items().subList(0, Math.min(page.items().size(), want - items.size())));
        }
        return items;
    }

    private AuroraPage page(long skip, int limit) throws Exception {
        URI uri = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "skip=" + skip + "&limit=" + limit);
        return retry.executeCallable(() -> get(uri));
    }

    private AuroraPage get(URI uri) throws IOException, InterruptedException {
        UpstreamResponse response;
        try {
            response = http.send(UpstreamRequest.get(uri), PAGE_TIMEOUT);
        } catch (TimeoutException e) {
            throw new IOException("GET " + uri + " did not answer within " + PAGE_TIMEOUT.toSeconds() + " s", e);
        }
        int status = response.status();
        if (status == 429 || status >= 500) {
            throw new TransientStatusException(uri, status);
        }
        if (status != 200) {
            // Another 4xx will not change on a retry (wrong URL, no access): fail the fetch at once.
            throw new IllegalStateException("GET " + uri + " answered HTTP " + status);
        }
        return AuroraPage.parse(json, response.body());
    }

    @Override
    public String describe() {
        return url.toString();
    }

    /** HTTP 429 or 5xx: worth another try. */
    static final class TransientStatusException extends IOException {
        TransientStatusException(URI uri, int status) {
            super("GET " + uri + " answered HTTP " + status);
        }
    }
}
