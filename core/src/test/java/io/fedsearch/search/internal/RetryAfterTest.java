package io.fedsearch.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration FALLBACK = Duration.ofSeconds(60);

    private static String httpDate(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    @Test
    void delaySecondsAndHttpDatesAreBothHonoured() {
        assertThat(ProviderCall.retryAfter("120", FALLBACK, NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(ProviderCall.retryAfter(" 7 ", FALLBACK, NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(httpDate(NOW.plusSeconds(90))).isEqualTo("Mon, 23 Nov 2026 12:01:30 GMT");
        assertThat(ProviderCall.retryAfter("Mon, 23 Nov 2026 12:01:30 GMT", FALLBACK, NOW))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theObsoleteRfc850AndAsctimeDateFormsAreHonouredToo() {
        assertThat(ProviderCall.retryAfter("Monday, 23-Nov-26 12:01:30 GMT", FALLBACK, NOW))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(ProviderCall.retryAfter("Mon Nov 23 12:01:30 2026", FALLBACK, NOW)).isEqualTo(Duration.ofSeconds(90));
        // The RFC's own examples: a two-digit year is the one within 50 years of now (here 1994, not 2094).
        Instant rfcExample = Instant.parse("1994-11-06T08:47:37Z");
        assertThat(ProviderCall.retryAfter("Sunday, 06-Nov-94 08:49:37 GMT", FALLBACK, rfcExample))
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(ProviderCall.retryAfter("Sun Nov  6 08:49:37 1994", FALLBACK, rfcExample))
                .isEqualTo(Duration.ofSeconds(120));
        Instant firstOfMonth = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(ProviderCall.retryAfter("Tue Dec  1 00:02:00 2026", FALLBACK, firstOfMonth))
                .isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void longWaitsAreCappedAtAnHourAndNonsenseOrThePastFallsBack() {
        assertThat(ProviderCall.retryAfter("86400", FALLBACK, NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(ProviderCall.retryAfter("99999999999999999999", FALLBACK, NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(ProviderCall.retryAfter(httpDate(NOW.plus(Duration.ofDays(2))), FALLBACK, NOW))
                .isEqualTo(Duration.ofHours(1));
        assertThat(ProviderCall.retryAfter(httpDate(NOW.minusSeconds(30)), FALLBACK, NOW)).isEqualTo(FALLBACK);
        assertThat(ProviderCall.retryAfter("0", FALLBACK, NOW)).isEqualTo(FALLBACK);
        assertThat(ProviderCall.retryAfter("soon", FALLBACK, NOW)).isEqualTo(FALLBACK);
        assertThat(ProviderCall.retryAfter(null, FALLBACK, NOW)).isEqualTo(FALLBACK);
    }
}
