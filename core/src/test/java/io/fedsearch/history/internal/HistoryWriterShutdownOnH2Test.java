package io.fedsearch.history.internal;

import io.fedsearch.history.testing.TestDatabase;

class HistoryWriterShutdownOnH2Test extends HistoryWriterShutdownTest {

    @Override
    TestDatabase database() {
        return new TestDatabase.H2();
    }
}
