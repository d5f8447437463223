package io.fedsearch.history;

/** Published (Spring application event) after a query was appended to the query log, on the searching thread. */
public record QueryRecorded(QueryRecord record) {
}
