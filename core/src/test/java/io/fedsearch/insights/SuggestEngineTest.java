package io.fedsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SuggestEngineTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final SuggestEngine engine = new SuggestEngine(
            List.of("cs.AI Artificial Intelligence", "hep-ph High Energy Physics - Phenomenology", "Germany"));

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private List<String> texts(String prefix) {
        return engine.suggest(prefix, 10, NOW).stream().map(SuggestEngine.Suggestion::text).toList();
    }

    @Test
    void pastTheLimitTheRarestAndOldestQueriesAreDroppedAndTheRestStaySuggested() throws Exception {
        try (var small = new SuggestEngine(List.of(), 20)) {
            for (int i = 0; i < 5; i++) small.asked("popular topic", NOW.minus(Duration.ofDays(30)));
            // 25 queries asked once each, day by day: the oldest are the weakest.
            for (int day = 25; day >= 1; day--) small.asked("topic number " + day, NOW.minus(Duration.ofDays(day)));
            small.refresh();

            assertThat(small.pastQueries()).isEqualTo(18);
            List<String> left = small.suggest("topic", 30, NOW).stream().map(SuggestEngine.Suggestion::text).toList();
            assertThat(left).hasSize(18).contains("popular topic", "topic number 1", "topic number 17")
                    .doesNotContain("topic number 18", "topic number 25");

            small.asked("topic number 25", NOW);
            small.refresh();
            assertThat(small.suggest("number 25", 5, NOW)).extracting(SuggestEngine.Suggestion::text)
                    .containsExactly("topic number 25");
        }
    }

    @Test
    void findsAPastQueryByAWordInsideIt() {
        engine.asked("solar neutrinos", NOW);
        engine.refresh();

        assertThat(texts("neutr")).containsExactly("solar neutrinos");
    }

    @Test
    void forgivesOneTypoInAFinishedAndInAnUnfinishedWord() {
        engine.asked("solar neutrinos", NOW);
        engine.asked("quantum computing", NOW);
        engine.refresh();

        assertThat(texts("solar nuetrinos ")).containsExactly("solar neutrinos");
        assertThat(texts("quantm comp")).containsExactly("quantum computing");
        assertThat(texts("artifical")).containsExactly("cs.AI Artificial Intelligence");
    }

    @Test
    void aWordTypedRightIsKeptWhenManyIndexWordsAreOneEditAwayFromIt() {
        // Over 120 index words one edit from "cart" ("cabt", "carb", "dart", "carta", ...), more than 50 of them
        // sorting before it: more than the 50 a typed word expands to, and the 50 are taken in term order.
        for (char c = 'a'; c <= 'z'; c++) {
            engine.asked("cart" + c + " " + c + "uuu", NOW);
            if (c != 't') engine.asked("car" + c + " " + c + "vvv", NOW);
            if (c != 'c') engine.asked(c + "art " + c + "www", NOW);
            if (c != 'r') engine.asked("ca" + c + "t " + c + "xxx", NOW);
            engine.asked("ca" + c + "rt " + c + "yyy", NOW);
        }
        engine.asked("cart spaceship", NOW);
        engine.refresh();

        assertThat(texts("cart spacxs")).containsExactly("cart spaceship");
    }

    @Test
    void ranksFrequentQueriesFirst() {
        engine.asked("solar wind", NOW);
        for (int i = 0; i < 3; i++) engine.asked("solar neutrinos", NOW);
        engine.asked("Solar Neutrinos", NOW);
        engine.refresh();

        var suggestions = engine.suggest("sol", 10, NOW);

        assertThat(suggestions).extracting(SuggestEngine.Suggestion::text).containsExactly("solar neutrinos", "solar wind");
        assertThat(suggestions.get(0).score()).isEqualTo(4.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(suggestions).extracting(SuggestEngine.Suggestion::source).containsOnly("history");
    }

    @Test
    void ranksARecentQueryAboveAnOldOneAskedAsOften() {
        engine.asked("dark matter halos", NOW.minus(Duration.ofDays(30)));
        engine.asked("dark energy", NOW.minus(Duration.ofHours(1)));
        engine.refresh();

        assertThat(texts("dark")).containsExactly("dark energy", "dark matter halos");
    }

    @Test
    void mixesReferenceEntriesWithPastQueries() {
        engine.asked("high energy cosmic rays", NOW);
        engine.refresh();

        var suggestions = engine.suggest("high ener", 10, NOW);

        assertThat(suggestions).extracting(SuggestEngine.Suggestion::text)
                .containsExactly("high energy cosmic rays", "hep-ph High Energy Physics - Phenomenology");
        assertThat(suggestions).extracting(SuggestEngine.Suggestion::source).containsExactly("history", "reference");
    }

    @Test
    void showsNewQueriesOnlyAfterARefresh() {
        engine.asked("gravitational waves", NOW);
        assertThat(texts("gravit")).isEmpty();

        engine.refresh();

        assertThat(texts("gravit")).containsExactly("gravitational waves");
    }

    @Test
    void aPrincipalIsSuggestedItsOwnQueryAndOthersOnlyOnceThreePrincipalsAskedItOfPublicProviders() {
        engine.asked("merger plans acme", "alice", false, NOW);
        engine.asked("merger plans acme", "alice", false, NOW);
        engine.asked("merger plans acme", "bob", false, NOW);
        engine.refresh();
        assertThat(engine.suggest("merg", "alice", 10, NOW)).extracting(SuggestEngine.Suggestion::text)
                .containsExactly("merger plans acme");
        // Her own asks only: nothing tells her that bob asked it too.
        assertThat(engine.suggest("merg", "alice", 10, NOW).getFirst().score())
                .isEqualTo(2.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(engine.suggest("merg", "carol", 10, NOW)).isEmpty();
        assertThat(engine.suggest("mergr", "carol", 10, NOW)).as("nor through the typo pass").isEmpty();
        assertThat(engine.suggest("merg", 10, NOW)).isEmpty();

        engine.asked("merger plans acme", "dave", false, NOW);
        engine.refresh();

        assertThat(engine.suggest("merg", "carol", 10, NOW)).extracting(SuggestEngine.Suggestion::text)
                .containsExactly("merger plans acme");
        assertThat(engine.suggest("merg", "carol", 10, NOW).getFirst().score())
                .isEqualTo(4.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aQueryAskedOfANonPublicProviderIsNeverSuggestedToOthersHoweverManyAskedIt() {
        for (String principal : List.of("p1", "p2", "p3", "p4")) engine.asked("board memo", principal, false, NOW);
        engine.asked("board memo", "alice", true, NOW);
        engine.refresh();

        assertThat(texts("board")).isEmpty();
        assertThat(engine.suggest("board", "carol", 10, NOW)).isEmpty();
        assertThat(engine.suggest("board", "alice", 10, NOW)).extracting(SuggestEngine.Suggestion::text)
                .containsExactly("board memo");
        assertThat(engine.suggest("board", "p1", 10, NOW)).hasSize(1);
    }

    @Test
    void theMinimumOfPrincipalsIsConfigurable() throws Exception {
        try (var one = new SuggestEngine(List.of(), 100, 1)) {
            one.asked("open topic", "alice", false, NOW);
            one.refresh();
            assertThat(one.suggest("open", "bob", 10, NOW)).hasSize(1);
        }
    }

    @Test
    void answersFromTwoCharacters() {
        assertThat(texts("ge")).containsExactly("Germany");
    }
}
