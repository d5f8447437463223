package io.fedsearch.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * API keys in the {@code api_key} table, looked up by the hash of the secret. Resolved keys (and unknown hashes)
 * are cached for {@code fedsearch.access.key-cache-ttl}; a revoke drops the entry here at once and, through
 * {@link AccessEvents}, on the other replicas.
 */
@Component
class JdbcApiKeys {

    /** A new key: its row and the secret, which is never stored nor shown again. */
    record Created(ApiKey key, String secret) {
    }

    private final JdbcClient jdbc;
    private final AccessEvents events;
    private final Cache<String, Optional<Stored>> byHash;

    private record Stored(ApiKey key, String hash) {
    }

    JdbcApiKeys(JdbcClient jdbc, AccessEvents events, AccessProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.byHash = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(properties.keyCacheTtl()).build();
        events.on(AccessEvents.REVOKED, hash -> {
            if (hash != null) byHash.invalidate(hash);
        });
        events.on(AccessEvents.FLUSH, ignored -> byHash.invalidateAll());
    }

    Created create(String principal, boolean admin, Set<String> providers, int perSecond, int perHour) {
        return insert(ApiKeySecret.generate(), principal, admin, providers, perSecond, perHour);
    }

    /** Stores a key whose secret is given (FEDSEARCH_ADMIN_KEY). */
    Created insert(String secret, String principal, boolean admin, Set<String> providers, int perSecond, int perHour) {
        var key = new ApiKey("k" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                ApiKeySecret.displayPrefix(secret), principal, admin, providers, perSecond, perHour,
                System.currentTimeMillis(), null);
        jdbc.sql("""
                        INSERT INTO api_key (id, secret_hash, prefix, principal, is_admin, providers, per_second, per_hour,
                                             created_at, revoked_at)
                        VALUES (:id, :hash, :prefix, :principal, :admin, :providers, :perSecond, :perHour, :createdAt, NULL)
                        """)
                .param("id", key.id()).param("hash", ApiKeySecret.hash(secret)).param("prefix", key.prefix())
                .param("principal", principal).param("admin", admin)
                .param("providers", String.join(",", new TreeSet<>(providers)))
                .param("perSecond", perSecond).param("perHour", perHour).param("createdAt", key.createdAt())
                .update();
        byHash.invalidate(ApiKeySecret.hash(secret));
        return new Created(key, secret);
    }

    /** The valid key with this secret; empty when unknown or revoked. */
    Optional<ApiKey> resolve(String secret) {
        String hash = ApiKeySecret.hash(secret);
        return byHash.get(hash, h -> jdbc.sql("""
                        SELECT id, secret_hash, prefix, principal, is_admin, providers, per_second, per_hour, created_at,
                               revoked_at
                        FROM api_key WHERE secret_hash = :hash AND revoked_at IS NULL
                        """)
                        .param("hash", h).query(JdbcApiKeys::stored).optional())
                // The index found the row by hash already; comparing again in constant time costs nothing and keeps
                // the decision independent of how the store compares strings.
                .filter(s -> ApiKeySecret.matches(secret, s.hash()))
                .map(Stored::key);
    }

    /** Every key, newest first, revoked ones included. */
    List<ApiKey> list() {
        return jdbc.sql("""
                        SELECT id, secret_hash, prefix, principal, is_admin, providers, per_second, per_hour, created_at,
                               revoked_at
                        FROM api_key ORDER BY created_at DESC, id
                        """)
                // list(), not stream(): a stream holds its connection until closed, and nobody closed this one.
                .query(JdbcApiKeys::stored).list().stream().map(Stored::key).toList();
    }

    boolean anyValidAdmin() {
        return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE is_admin = TRUE AND revoked_at IS NULL")
                .query(Long.class).single() > 0;
    }

    boolean exists(String secret) {
        return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE secret_hash = :hash")
                .param("hash", ApiKeySecret.hash(secret)).query(Long.class).single() > 0;
    }

    /** Revokes the key; empty when there is no valid key with this id. Refused at once wherever it is cached. */
    Optional<ApiKey> revoke(String id) {
        var found = jdbc.sql("""
                        SELECT id, secret_hash, prefix, principal, is_admin, providers, per_second, per_hour, created_at,
                               revoked_at
                        FROM api_key WHERE id = :id AND revoked_at IS NULL
                        """)
                .param("id", id).query(JdbcApiKeys::stored).optional();
        found.ifPresent(s -> {
            jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id")
                    .param("now", System.currentTimeMillis()).param("id", id).update();
            events.broadcast(AccessEvents.REVOKED, s.hash());
        });
        return found.map(Stored::key);
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        String providers = rs.getString("providers");
        Set<String> ids = providers.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(providers.split(",")));
        long revoked = rs.getLong("revoked_at");
        Long revokedAt = rs.wasNull() ? null : revoked;
        var key = new ApiKey(rs.getString("id"), rs.getString("prefix"), rs.getString("principal"),
                rs.getBoolean("is_admin"), ids, rs.getInt("per_second"), rs.getInt("per_hour"),
                rs.getLong("created_at"), revokedAt);
        return new Stored(key, rs.getString("secret_hash").strip());
    }
}
