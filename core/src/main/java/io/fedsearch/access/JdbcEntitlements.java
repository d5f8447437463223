package io.fedsearch.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.fedsearch.provider.ProviderCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Per principal: the non-public providers granted by the admin (table {@code entitlement}) and the principal's
 * user id at providers that have their own (admin-set, else looked up at the provider's {@code user-id-url}).
 * Resolved entitlements are cached for {@code fedsearch.access.entitlement-ttl} (default 4h); a change or a flush
 * drops them on every replica. A failed user-id look-up leaves that id out and is retried after 1 minute.
 */
@Component
class JdbcEntitlements {

    /** What the admin stored for a principal. */
    record Grants(Set<String> providers, Map<String, String> userIds) {
        Grants {
            providers = Set.copyOf(providers);
            userIds = Map.copyOf(userIds);
        }
    }

    /** What a caller holding a key of this principal may use. */
    record Resolved(Set<String> providers, Map<String, String> userIds, boolean complete) {
    }

    private record Lookup(String principal, Set<String> keyProviders) {
    }

    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);
    static final Duration RETRY_FAILED_LOOKUP = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(JdbcEntitlements.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AccessEvents events;
    private final ProviderCatalog catalog;
    private final ProviderAccessUrls urls;
    private final AccessHttp http;
    private final LoadingCache<Lookup, Resolved> resolved;

    JdbcEntitlements(JdbcClient jdbc, TransactionTemplate transactions, AccessEvents events, ProviderCatalog catalog,
                     ProviderAccessUrls urls, AccessHttp http, AccessProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.catalog = catalog;
        this.urls = urls;
        this.http = http;
        Duration ttl = properties.entitlementTtl();
        this.resolved = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfter(Expiry.<Lookup, Resolved>creating((k, r) -> r.complete() ? ttl : RETRY_FAILED_LOOKUP))
                .build(this::load);
        events.on(AccessEvents.ENTITLEMENTS, principal -> {
            if (principal == null || principal.equals("*")) {
                resolved.invalidateAll();
            } else {
                resolved.asMap().keySet().removeIf(k -> k.principal().equals(principal));
            }
        });
        events.on(AccessEvents.FLUSH, ignored -> resolved.invalidateAll());
    }

    Resolved resolve(String principal, Set<String> keyProviders) {
        return resolved.get(new Lookup(principal, Set.copyOf(keyProviders)));
    }

    Grants stored(String principal) {
        var providers = new TreeSet<String>();
        var userIds = new TreeMap<String, String>();
        jdbc.sql("SELECT provider, granted, user_id FROM entitlement WHERE principal = :principal")
                .param("principal", principal)
                .query(rs -> {
                    if (rs.getBoolean("granted")) providers.add(rs.getString("provider"));
                    if (rs.getString("user_id") != null) userIds.put(rs.getString("provider"), rs.getString("user_id"));
                });
        return new Grants(providers, userIds);
    }

    /** Replaces everything stored for the principal; every replica drops what it cached for it. */
    void replace(String principal, Grants grants) {
        var rows = new HashSet<String>(grants.providers());
        rows.addAll(grants.userIds().keySet());
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM entitlement WHERE principal = :principal").param("principal", principal).update();
            for (String provider : rows) {
                jdbc.sql("""
                                INSERT INTO entitlement (principal, provider, granted, user_id)
                                VALUES (:principal, :provider, :granted, :userId)
                                """)
                        .param("principal", principal).param("provider", provider)
                        .param("granted", grants.providers().contains(provider))
                        .param("userId", grants.userIds().get(provider)).update();
            }
        });
        events.broadcast(AccessEvents.ENTITLEMENTS, principal);
    }

    private Resolved load(Lookup lookup) {
        Grants grants = stored(lookup.principal());
        var providers = new HashSet<String>(grants.providers());
        providers.addAll(lookup.keyProviders());
        var userIds = new HashMap<String, String>(grants.userIds());
        boolean complete = true;
        for (var e : urls.userIdLookups().entrySet()) {
            String provider = e.getKey();
            boolean usable = providers.contains(provider)
                    || catalog.find(provider).map(p -> p.info().publicAccess()).orElse(false);
            if (userIds.containsKey(provider) || !usable) continue;
            try {
                String id = lookUp(e.getValue(), lookup.principal());
                if (id != null) userIds.put(provider, id);
            } catch (IOException | RuntimeException e2) {
                log.warn("provider {}: user id look-up failed: {}", provider, e2.getMessage());
                complete = false;
            } catch (InterruptedException e2) {
                Thread.currentThread().interrupt();
                complete = false;
            }
        }
        return new Resolved(Set.copyOf(providers), Map.copyOf(userIds), complete);
    }

    /**
     * GET {@code user-id-url} with {principal} replaced (else {@code ?principal=} appended), answering
     * {@code {"user_id": "u-42"}}; a missing or null user_id means the principal has no id there.
     */
    private String lookUp(String template, String principal) throws IOException, InterruptedException {
        String encoded = URLEncoder.encode(principal, StandardCharsets.UTF_8);
        String url = template.contains("{principal}") ? template.replace("{principal}", encoded)
                : template + (template.contains("?") ? "&" : "?") + "principal=" + encoded;
        JsonNode id = http.get(URI.create(url), LOOKUP_TIMEOUT).path("user_id");
        return id.isValueNode() && !id.isNull() ? id.asString() : null;
    }
}
