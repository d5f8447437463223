package io.fedsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import io.fedsearch.access.Caller;
import io.fedsearch.history.QueryLog;
import io.fedsearch.history.QueryRecord;
import io.fedsearch.history.QueryRecorded;
import io.fedsearch.web.InvalidParameterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service level, with Callers built as the API-key filter would resolve them. Provider "rights" decides per item at a
 * real local item-check upstream, which refuses the ids in {@link #REFUSED_ITEMS} to their principal and answers 500 to
 * principal "gus". Each test starts 90 days after the last one, so no count or cache of another test is in its
 * windows; time only moves forward, as the caches' ages follow the clock.
 */
@SpringBootTest(properties = {
        "fedsearch.providers.open.type=json",
        "fedsearch.providers.open.url=http://127.0.0.1:9/open?q={query}",
        "fedsearch.providers.open.results-path=/items",
        "fedsearch.providers.open.fields.title=/title",
        "fedsearch.providers.closed.type=json",
        "fedsearch.providers.closed.public=false",
        "fedsearch.providers.closed.url=http://127.0.0.1:9/closed?q={query}",
        "fedsearch.providers.closed.results-path=/items",
        "fedsearch.providers.closed.fields.title=/title",
        "fedsearch.providers.rights.type=json",
        "fedsearch.providers.rights.public=false",
        "fedsearch.providers.rights.url=http://127.0.0.1:9/rights?q={query}",
        "fedsearch.providers.rights.results-path=/items",
        "fedsearch.providers.rights.fields.title=/title"})
class InsightsServicesTest {

    /** principal -> result ids the item check refuses it. */
    private static final Map<String, Set<String>> REFUSED_ITEMS = new ConcurrentHashMap<>();
    private static final HttpServer ITEM_CHECK = itemCheck();

    private static HttpServer itemCheck() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var json = JsonMapper.builder().build();
            server.createContext("/check", exchange -> {
                JsonNode asked = json.readTree(exchange.getRequestBody().readAllBytes());
                String principal = asked.path("principal").asString();
                var allowed = new ArrayList<String>();
                asked.path("ids").forEach(id -> {
                    if (!REFUSED_ITEMS.getOrDefault(principal, Set.of()).contains(id.asString())) allowed.add(id.asString());
                });
                byte[] body = json.writeValueAsBytes(Map.of("allowed", allowed));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(principal.equals("gus") ? 500 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void itemCheckUrl(DynamicPropertyRegistry registry) {
        registry.add("fedsearch.providers.rights.item-check-url",
                () -> "http://127.0.0.1:" + ITEM_CHECK.getAddress().getPort() + "/check");
    }

    @AfterAll
    static void stopItemCheck() {
        ITEM_CHECK.stop(0);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    private static final Caller GRANTED = new Caller("alice", false, Set.of("closed"), Map.of());
    private static final Caller REVOKED = new Caller("alice", false, Set.of(), Map.of());
    private final MutableClock clock;
    private final QueryLog queryLog;
    private final ClickService clicks;
    private final RecentService recent;
    private final TrendingService trending;
    private final RecheckJob recheckJob;
    private final ApplicationEventPublisher events;

    InsightsServicesTest(MutableClock clock, QueryLog queryLog, ClickService clicks, RecentService recent,
                         TrendingService trending, RecheckJob recheckJob, ApplicationEventPublisher events) {
        this.clock = clock;
        this.queryLog = queryLog;
        this.clicks = clicks;
        this.recent = recent;
        this.trending = trending;
        this.recheckJob = recheckJob;
        this.events = events;
    }

    private Instant later() {
        return clock.instant().plus(Duration.ofDays(90));
    }

    private QueryRecord query(String principal, String q, QueryRecord.ResultRow... rows) {
        var record = new QueryRecord(queryLog.nextId(), clock.instant(), principal, "api", q, null, null, null,
                List.of(), 5, List.of(rows));
        queryLog.append(record);
        events.publishEvent(new QueryRecorded(record));
        return record;
    }

    private static QueryRecord.ResultRow row(String provider, String id) {
        return new QueryRecord.ResultRow(provider, 1, id, "Title " + id, "https://example.org/" + id, List.of("A. Author"),
                null, "2025-01-01", null);
    }

    private void open(Caller caller, QueryRecord query, String provider, String id) {
        clicks.record(caller, new ClickRequest(query.queryId(), provider, id));
    }

    @Test
    void trendingCountsOnlyClicksInsideTheWindow() {
        Instant now = later();
        clock.set(now.minus(Duration.ofDays(10)));
        var old = query("bob", "old news", row("open", "w-old"));
        open(new Caller("bob", false, Set.of(), Map.of()), old, "open", "w-old");
        open(new Caller("bob", false, Set.of(), Map.of()), old, "open", "w-old");
        clock.set(now.minus(Duration.ofDays(2)));
        var fresh = query("bob", "fresh news", row("open", "w-new"));
        open(new Caller("bob", false, Set.of(), Map.of()), fresh, "open", "w-new");
        clock.set(now);

        assertThat(trending.trending(Caller.ANONYMOUS, 7, 5).results())
                .extracting(JdbcClicks.Opened::resultId, JdbcClicks.Opened::opened)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w-new", 1L));
        assertThat(trending.trending(Caller.ANONYMOUS, 30, 5).results())
                .extracting(JdbcClicks.Opened::resultId).containsExactly("w-old", "w-new");
    }

    @Test
    void aRevokedEntitlementRemovesItsResultsFromRecentClicksAndTrending() {
        clock.set(later());
        var q = query("alice", "neutrinos", row("open", "r-open"), row("closed", "r-closed"));
        open(GRANTED, q, "open", "r-open");
        open(GRANTED, q, "closed", "r-closed");
        open(GRANTED, q, "closed", "r-closed");

        assertThat(recent.clicks(GRANTED)).extracting(OpenedResult::resultId).containsExactly("r-closed", "r-open");
        assertThat(recent.clicks(REVOKED)).extracting(OpenedResult::resultId).containsExactly("r-open");
        assertThat(trending.trending(GRANTED, 7, 5).results()).extracting(JdbcClicks.Opened::resultId)
                .containsExactly("r-closed", "r-open");
        assertThat(trending.trending(REVOKED, 7, 5).results()).extracting(JdbcClicks.Opened::resultId)
                .containsExactly("r-open");
        assertThat(trending.trending(Caller.ANONYMOUS, 7, 5).results()).extracting(JdbcClicks.Opened::resultId)
                .containsExactly("r-open");
    }

    @Test
    void recentListsKeepFiveAndFoldDuplicates() {
        clock.set(later());
        var dave = new Caller("dave", false, Set.of(), Map.of());
        QueryRecord last = null;
        for (int i = 1; i <= 6; i++) {
            last = query("dave", "topic " + i, row("open", "d" + i));
            open(dave, last, "open", "d" + i);
        }
        query("dave", "  TOPIC 3 ");
        open(dave, last, "open", "d6");
        open(dave, query("dave", "again", row("open", "d2")), "open", "d2");

        assertThat(recent.queries(dave)).extracting(RecentQuery::q)
                .containsExactly("again", "  TOPIC 3 ", "topic 6", "topic 5", "topic 4");
        assertThat(recent.clicks(dave)).extracting(OpenedResult::resultId)
                .containsExactly("d2", "d6", "d5", "d4", "d3");
    }

    @Test
    void theDailyRecheckForgetsClicksWhoseItemRightWasRevokedUpstreamAndTrendingHidesThem() {
        clock.set(later());
        var erin = new Caller("erin", false, Set.of("rights"), Map.of());
        var fay = new Caller("fay", false, Set.of("rights"), Map.of());
        var q = query("erin", "rights", row("rights", "x1"), row("rights", "x2"));
        open(erin, q, "rights", "x1");
        open(erin, q, "rights", "x2");
        open(fay, query("fay", "rights too", row("rights", "x1")), "rights", "x1");
        assertThat(trending.trending(erin, 1, 5).results()).extracting(JdbcClicks.Opened::resultId)
                .containsExactly("x1", "x2");

        REFUSED_ITEMS.put("erin", Set.of("x1"));
        recheckJob.recheck();

        assertThat(recent.clicks(erin)).extracting(OpenedResult::resultId).containsExactly("x2");
        assertThat(trending.trending(erin, 1, 5).results()).extracting(JdbcClicks.Opened::resultId).containsExactly("x2");
        assertThat(trending.trending(fay, 1, 5).results())
                .as("erin's click on x1 is forgotten; fay's still counts, and fay may still see it")
                .extracting(JdbcClicks.Opened::resultId, JdbcClicks.Opened::opened)
                .containsExactly(tuple("x1", 1L), tuple("x2", 1L));
    }

    @Test
    void aFailingItemCheckDuringTheRecheckForgetsNothing() {
        clock.set(later());
        var gus = new Caller("gus", false, Set.of("rights"), Map.of());
        open(gus, query("gus", "down", row("rights", "g1")), "rights", "g1");

        recheckJob.recheck();

        assertThat(recent.clicks(gus)).extracting(OpenedResult::resultId).containsExactly("g1");
    }

    @Test
    void refusesClicksOnUnknownQueriesUnknownResultsAndOtherPrincipalsQueries() {
        var q = query("frank", "mine", row("open", "f1"));

        assertThatThrownBy(() -> open(new Caller("frank", false, Set.of(), Map.of()), q, "open", "nope"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("result_id"));
        assertThatThrownBy(() -> clicks.record(GRANTED, new ClickRequest(987_654L, "open", "f1")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("query_id"));
        assertThatThrownBy(() -> open(GRANTED, q, "open", "f1")).isInstanceOf(ForbiddenClickException.class);
    }
}
