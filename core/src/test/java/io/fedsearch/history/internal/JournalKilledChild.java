package io.fedsearch.history.internal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The process {@link JournalTest} kills with SIGKILL: it hands records to a history writer whose database is down
 * (nothing can be committed), says so on stdout, and waits to be killed.
 * Arguments: journal directory, first id, last id.
 */
final class JournalKilledChild {

    private JournalKilledChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Port 9 (discard) refuses at once: a database that is down.
        var down = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/fedsearch", "x", "x");
        var writer = new HistoryWriter(new JdbcBatchInsert(new JdbcTemplate(down),
                new TransactionTemplate(new DataSourceTransactionManager(down))), JournalTest.settings(),
                new SimpleMeterRegistry(), Journal.open(JournalTest.journal(args[0], 10)));
        writer.start();
        for (long id = Long.parseLong(args[1]); id <= Long.parseLong(args[2]); id++) {
            writer.submit(JournalTest.record(id));
        }
        System.out.println("submitted");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }
}
