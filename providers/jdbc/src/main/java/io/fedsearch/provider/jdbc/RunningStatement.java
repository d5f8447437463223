package io.fedsearch.provider.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The statement one call is running, so that the caller's thread can cancel it while another thread waits on it. */
final class RunningStatement {

    private static final Logger log = LoggerFactory.getLogger(RunningStatement.class);

    private final String providerId;
    private Statement statement;
    private boolean cancelled;

    RunningStatement(String providerId) {
        this.providerId = providerId;
    }

    /** Registers the statement about to run; false when the call was cancelled already, so it must not run. */
    synchronized boolean start(Statement next) {
        if (cancelled) return false;
        statement = next;
        return true;
    }

    /**
     * Marks the call cancelled and asks the database to stop the statement in flight, if any (for PostgreSQL a
     * cancel request on a connection of its own). A statement registered but not yet sent may miss the cancel;
     * its statement timeout still ends it.
     */
    void cancel() {
        Statement current;
        synchronized (this) {
            cancelled = true;
            current = statement;
        }
        if (current == null) return;
        try {
            current.cancel();
        } catch (SQLException e) {
            // Already finished and closed, or the database is gone: either way nothing is left running.
            log.debug("provider {}: cancel not delivered: {}", providerId, e.getMessage());
        }
    }
}
