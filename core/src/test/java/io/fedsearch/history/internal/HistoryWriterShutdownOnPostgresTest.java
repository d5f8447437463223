package io.fedsearch.history.internal;

import io.fedsearch.history.testing.TestDatabase;

class HistoryWriterShutdownOnPostgresTest extends HistoryWriterShutdownTest {

    @Override
    TestDatabase database() {
        return new TestDatabase.Postgres();
    }
}
