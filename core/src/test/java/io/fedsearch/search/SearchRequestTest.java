package io.fedsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.web.InvalidParameterException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    private static final Duration DEFAULT = Duration.ofSeconds(2);

    @Test
    void trimsTextAndAppliesDefaults() {
        var request = SearchRequest.of("  neutrinos ", null, null, null, null, false, 1, 10, null, DEFAULT, false);
        assertThat(request.q()).isEqualTo("neutrinos");
        assertThat(request.providers()).isNull();
        assertThat(request.deadline()).isEqualTo(DEFAULT);
    }

    @Test
    void acceptsAFieldedSearchWithoutFreeText() {
        var request = SearchRequest.of(null, "Ada Lovelace", null, null, " a , b,a ", false, 1000, 100, 10_000, DEFAULT, false);
        assertThat(request.providers()).containsExactly("a", "b");
        assertThat(request.deadline()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void namesTheFirstBadParameter() {
        assertRefused("q", () -> SearchRequest.of(null, null, null, null, null, false, 1, 10, null, DEFAULT, false));
        assertRefused("title", () -> SearchRequest.of("x", null, " ", null, null, false, 1, 10, null, DEFAULT, false));
        assertRefused("page", () -> SearchRequest.of("x", null, null, null, null, false, 1001, 10, null, DEFAULT, false));
        assertRefused("size", () -> SearchRequest.of("x", null, null, null, null, false, 1, 0, null, DEFAULT, false));
        assertRefused("timeout_ms", () -> SearchRequest.of("x", null, null, null, null, false, 1, 10, 49, DEFAULT, false));
        assertRefused("providers", () -> SearchRequest.of("x", null, null, null, "a,,b", false, 1, 10, null, DEFAULT, false));
    }

    private static void assertRefused(String parameter, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
