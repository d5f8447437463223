package io.fedsearch.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/** How long an upstream's 429 or 503 suspends its provider, read from its {@code Retry-After} header. */
final class RetryAfter {

    /** The longest an upstream's Retry-After may suspend its provider. */
    private static final Duration MAX_SUSPENSION = Duration.ofHours(1);
    /**
     * The three HTTP-date forms a recipient must accept (RFC 9110 5.6.7): IMF-fixdate, then the obsolete RFC 850
     * ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994", day padded with a space) forms.
     * RFC 850's two-digit year is the one within 50 years of now, as the RFC asks.
     */
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(50))
                    .appendPattern(" HH:mm:ss zzz").toFormatter(Locale.US),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));

    private RetryAfter() {
    }

    /**
     * Retry-After as delay-seconds or an HTTP date in any of its three forms (RFC 9110 10.2.3), capped at one hour.
     * Anything else, zero, or a date already past gives {@code fallback}.
     */
    static Duration parse(String header, Duration fallback, Instant now) {
        if (header == null) return fallback;
        String value = header.strip();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            if (value.matches("\\d+")) return MAX_SUSPENSION; // more seconds than a long holds
            Instant at = httpDate(value);
            if (at == null) return fallback;
            wait = Duration.between(now, at);
        }
        if (wait.isNegative() || wait.isZero()) return fallback;
        return wait.compareTo(MAX_SUSPENSION) > 0 ? MAX_SUSPENSION : wait;
    }

    /** The instant of an HTTP date in any of its three forms, or null. */
    private static Instant httpDate(String value) {
        for (DateTimeFormatter form : HTTP_DATES) {
            try {
                return ZonedDateTime.parse(value, form).toInstant();
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return null;
    }
}
