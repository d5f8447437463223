package io.fedsearch.history.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fedsearch.history.journal*}: the local write-ahead journal of query records ({@link Journal}). Checked at
 * start-up. Its own record so that {@link HistoryProperties} keeps its shape.
 *
 * @param journal               directory of the journal segments; empty switches the journal off
 * @param journalSegmentRecords a new segment file is begun after this many records
 * @param journalSegmentAge     ... or once the current segment is this old (checked at the next record)
 */
@ConfigurationProperties("fedsearch.history")
record JournalProperties(
        @DefaultValue("./data/journal") String journal,
        @DefaultValue("1000") int journalSegmentRecords,
        @DefaultValue("10s") Duration journalSegmentAge) {

    JournalProperties {
        if (journalSegmentRecords <= 0) {
            throw new IllegalArgumentException("fedsearch.history.journal-segment-records must be positive");
        }
        if (journalSegmentAge.isNegative() || journalSegmentAge.isZero()) {
            throw new IllegalArgumentException("fedsearch.history.journal-segment-age must be positive");
        }
    }

    boolean enabled() {
        return journal != null && !journal.isBlank();
    }
}
