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
        assertThat(RetryAfter.parse("120", FALLBACK, NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 7 ", FALLBACK, NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(httpDate(NOW.plusSeconds(90))).isEqualTo("Mon, 23 Nov 2026 12:01:30 GMT");
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 12:01:30 GMT", FALLBACK, NOW))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theObsoleteRfc850AndAsctimeDateFormsAreHonouredToo() {
        assertThat(RetryAfter.parse("Monday, 23-Nov-26 12:01:30 GMT", FALLBACK, NOW))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Mon Nov 23 12:01:30 2026", FALLBACK, NOW)).isEqualTo(Duration.ofSeconds(90));
        // The RFC's own examples: a two-digit year is the one within 50 years of now (here 1994, not 2094).
        Instant rfcExample = Instant.parse("1994-11-06T08:47:37Z");
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", FALLBACK, rfcExample))
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", FALLBACK, rfcExample))
                .isEqualTo(Duration.ofSeconds(120));
        Instant firstOfMonth = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(RetryAfter.parse("Tue Dec  1 00:02:00 2026", FALLBACK, firstOfMonth))
                .isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void longWaitsAreCappedAtAnHourAndNonsenseOrThePastFallsBack() {
        assertThat(RetryAfter.parse("86400", FALLBACK, NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(RetryAfter.parse("99999999999999999999", FALLBACK, NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(RetryAfter.parse(httpDate(NOW.plus(Duration.ofDays(2))), FALLBACK, NOW))
                .isEqualTo(Duration.ofHours(1));
        assertThat(RetryAfter.parse(httpDate(NOW.minusSeconds(30)), FALLBACK, NOW)).isEqualTo(FALLBACK);
        assertThat(RetryAfter.parse("0", FALLBACK, NOW)).isEqualTo(FALLBACK);
        assertThat(RetryAfter.parse("soon", FALLBACK, NOW)).isEqualTo(FALLBACK);
        assertThat(RetryAfter.parse(null, FALLBACK, NOW)).isEqualTo(FALLBACK);
    }
}
