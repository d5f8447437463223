package io.fedsearch.history.internal;

import io.fedsearch.access.FeatureFlags;
import io.fedsearch.history.QueryHistory;
import io.fedsearch.history.QueryLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The history module's object graph in one place. The schema comes from Flyway (db/migration/V1__history.sql). */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    /**
     * The streaming standby of fedsearch.history.read-datasource, when configured: history reads go there as
     * {@link ReadReplica} decides; writes, ids and retention stay on spring.datasource.
     */
    @Bean
    @Conditional(ReadDataSourceConfigured.class)
    ReadReplica readReplica(ReadDataSourceProperties standby, DataSource dataSource, MeterRegistry meters)
            throws MetaDataAccessException {
        if (!isPostgres(dataSource)) {
            throw new IllegalStateException("fedsearch.history.read-datasource needs spring.datasource on PostgreSQL"
                    + " (its standby is found by WAL position)");
        }
        return new ReadReplica(standby, new JdbcTemplate(dataSource), meters);
    }

    /**
     * With fedsearch.history.journal set (default ./data/journal), every record is journaled on local disk before
     * its search answers, and the records a killed process left are written at the next start ({@link Journal}).
     */
    @Bean
    HistoryWriter historyWriter(DataSource dataSource, PlatformTransactionManager transactions,
                                HistoryProperties settings, JournalProperties journal, MeterRegistry meters,
                                ObjectProvider<ReadReplica> standby) {
        ReadReplica replica = standby.getIfAvailable();
        var store = new JdbcBatchInsert(new JdbcTemplate(dataSource), new TransactionTemplate(transactions),
                replica == null ? () -> { } : replica::committed);
        return new HistoryWriter(store, settings, meters, journal.enabled() ? Journal.open(journal) : null);
    }

    @Bean
    QueryLog queryLog(DataSource dataSource, HistoryWriter writer, HistoryProperties settings, FeatureFlags flags,
                      MeterRegistry meters, ObjectProvider<ReadReplica> standby) throws MetaDataAccessException {
        var ids = new IdBlocks(sequence(dataSource), settings.idReserve(), meters);
        var primary = new JdbcQueryById(new JdbcTemplate(dataSource));
        ReadReplica replica = standby.getIfAvailable();
        if (replica == null) return new JdbcQueryLog(ids, writer, primary::find, flags);
        var onStandby = new JdbcQueryById(new JdbcTemplate(replica.dataSource()));
        return new JdbcQueryLog(ids, writer, id -> replica.find(primary, onStandby, r -> r.find(id)), flags);
    }

    /**
     * PostgreSQL plans a statement the driver has prepared 5 times once for all parameter values (a generic plan).
     * For {@code lower(authors) LIKE ?} that plan cannot know whether the substring is rare or common, and it chose
     * to AND the trigram index with the whole time index: 3.3 s for an all-time filter at 10M results, where the
     * plan made for the value at hand takes 10-60 ms (EXPLAIN ANALYZE, docs/bench-history.md). So result reads with
     * a text filter are always planned for their values.
     */
    private static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    @Bean
    QueryHistory queryHistory(DataSource dataSource, PlatformTransactionManager transactions,
                              HistoryProperties settings, ObjectProvider<ReadReplica> standby)
            throws MetaDataAccessException {
        String planSetting = isPostgres(dataSource) ? CUSTOM_PLANS : null;
        var primary = history(dataSource, transactions, settings, planSetting);
        ReadReplica replica = standby.getIfAvailable();
        if (replica == null) return primary;
        var onStandby = history(replica.dataSource(), new JdbcTransactionManager(replica.dataSource()), settings,
                planSetting);
        return new RoutedQueryHistory(primary, onStandby, replica);
    }

    private static JdbcQueryHistory history(DataSource dataSource, PlatformTransactionManager transactions,
                                            HistoryProperties settings, String planSetting) {
        var streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(settings.exportFetchSize());
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        var bounded = new JdbcTemplate(dataSource);
        bounded.setQueryTimeout((int) settings.readTimeout().toSeconds());
        return new JdbcQueryHistory(new JdbcTemplate(dataSource), bounded, streaming, readOnly, settings.resultWindow(),
                planSetting);
    }

    @Bean
    HistoryRetention historyRetention(DataSource dataSource, PlatformTransactionManager transactions,
                                      HistoryProperties settings, MeterRegistry meters) {
        return new HistoryRetention(new JdbcTemplate(dataSource), new TransactionTemplate(transactions), settings,
                meters);
    }

    @Bean
    HistoryHealthIndicator historyHealthIndicator(HistoryWriter writer) {
        return new HistoryHealthIndicator(writer);
    }

    /**
     * Named so that it replaces Spring Boot's {@code db} health component (which blocks for the pool's connection
     * timeout while the database is down): this one answers from a background probe.
     */
    @Bean("dbHealthIndicator")
    DatabaseHealthIndicator databaseHealthIndicator(DataSource dataSource, DatabaseHealthProperties settings) {
        return new DatabaseHealthIndicator(dataSource, settings.probeInterval(), settings.probeTimeout());
    }

    /** nextval of query_ids in the dialect of the database at hand (H2 or PostgreSQL). */
    private static DataFieldMaxValueIncrementer sequence(DataSource dataSource) throws MetaDataAccessException {
        return isPostgres(dataSource)
                ? new PostgresSequenceMaxValueIncrementer(dataSource, "query_ids")
                : new H2SequenceMaxValueIncrementer(dataSource, "query_ids");
    }

    private static boolean isPostgres(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equalsIgnoreCase(product);
    }

    /** fedsearch.history.read-datasource.url is set (bound as the properties are, so any spelling of the key counts). */
    static final class ReadDataSourceConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("fedsearch.history.read-datasource.url", String.class)
                    .map(url -> !url.isBlank()).orElse(false);
        }
    }
}
