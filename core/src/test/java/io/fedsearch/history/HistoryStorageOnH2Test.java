package io.fedsearch.history;

import io.fedsearch.history.testing.TestDatabase;

/** The history suite on the embedded default: an H2 file database. */
class HistoryStorageOnH2Test extends HistoryStorageTest {

    @Override
    TestDatabase database() {
        return new TestDatabase.H2();
    }
}
