package io.fedsearch.provider.jdbc;

import io.fedsearch.provider.ProviderKind;
import io.fedsearch.provider.SearchProvider;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@code jdbc} kind: providers that search a database with a configured SELECT. Each provider owns a
 * connection pool, so the kind closes every provider it made when the application stops (Spring closes this bean).
 */
final class JdbcProviderKind implements ProviderKind<JdbcSettings>, AutoCloseable {

    static final String TYPE = "jdbc";

    private final Queue<JdbcProvider> made = new ConcurrentLinkedQueue<>();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<JdbcSettings> settingsType() {
        return JdbcSettings.class;
    }

    @Override
    public SearchProvider create(String id, JdbcSettings settings) {
        JdbcProvider provider = new JdbcProvider(id, settings);
        made.add(provider);
        return provider;
    }

    /** As many calls as the default pool has connections: more would only wait for one. */
    @Override
    public int defaultMaxConcurrency() {
        return JdbcSettings.DEFAULT_POOL_SIZE;
    }

    @Override
    public void close() {
        made.forEach(JdbcProvider::close);
    }
}
