package io.fedsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.access.Caller;
import io.fedsearch.history.QueryLog;
import io.fedsearch.history.QueryRecord;
import io.fedsearch.history.QueryRecorded;
import io.fedsearch.web.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/** Service level, with Caller objects standing in for API keys (not merged yet). Each test starts far from the others in time. */
@SpringBootTest(properties = {
        "fedsearch.providers.open.type=json",
        "fedsearch.providers.open.url=http://127.0.0.1:9/open?q={query}",
        "fedsearch.providers.open.results-path=/items",
        "fedsearch.providers.open.fields.title=/title",
        "fedsearch.providers.closed.type=json",
        "fedsearch.providers.closed.public=false",
        "fedsearch.providers.closed.url=http://127.0.0.1:9/closed?q={query}",
        "fedsearch.providers.closed.results-path=/items",
        "fedsearch.providers.closed.fields.title=/title"})
class InsightsServicesTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    private static final Caller GRANTED = new Caller("alice", false, Set.of("closed"), Map.of());
    private static final Caller REVOKED = new Caller("alice", false, Set.of(), Map.of());

    @Autowired MutableClock clock;
    @Autowired QueryLog queryLog;
    @Autowired ClickService clicks;
    @Autowired RecentService recent;
    @Autowired TrendingService trending;
    @Autowired ApplicationEventPublisher events;

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
        Instant now = Instant.parse("2026-02-01T00:00:00Z");
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
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
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
        clock.set(Instant.parse("2026-06-01T00:00:00Z"));
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
    void theDailyRecheckForgetsClicksTheItemCheckNowRefuses() {
        clock.set(Instant.parse("2026-08-01T00:00:00Z"));
        var q = query("erin", "rights", row("closed", "x1"), row("closed", "x2"));
        var erin = new Caller("erin", false, Set.of("closed"), Map.of());
        open(erin, q, "closed", "x1");
        open(erin, q, "closed", "x2");

        int removed = clicks.recheck(Set.of("closed"), new ItemCheck() {
            @Override
            public boolean fineGrained(String provider) {
                return true;
            }

            @Override
            public boolean mayOpen(String principal, String provider, String resultId) {
                return !resultId.equals("x1");
            }
        });

        assertThat(removed).isEqualTo(2);
        assertThat(recent.clicks(erin)).extracting(OpenedResult::resultId).containsExactly("x2");
        assertThat(trending.trending(erin, 1, 5).results()).extracting(JdbcClicks.Opened::resultId).containsExactly("x2");
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
