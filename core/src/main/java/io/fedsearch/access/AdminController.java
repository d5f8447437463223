package io.fedsearch.access;

import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.web.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin endpoints other than keys (admin key only, enforced by {@link ApiKeyFilter}): entitlements, flags, cache
 * flush, config reload and the audit log. Every change is written to the audit log and told to every replica.
 */
@RestController
class AdminController {

    /** The features with a flag of their own, listed by GET /admin/flags even when nobody set them. */
    static final List<String> FEATURES = List.of("history", "recent", "trending", "suggest");

    /**
     * @param providers non-public providers the principal may call (replaces the stored list); required
     * @param userIds   the principal's id at providers with their own user ids, used for {user}; optional
     */
    record EntitlementsBody(List<String> providers, Map<String, String> userIds) {
    }

    record EntitlementsView(String principal, List<String> providers, Map<String, String> userIds) {
    }

    record FlagBody(Boolean enabled) {
    }

    record Flags(Map<String, Boolean> flags) {
    }

    record Flag(String name, boolean enabled) {
    }

    record Done(String done) {
    }

    record Audit(List<AuditLog.Entry> entries) {
    }

    private final JdbcEntitlements entitlements;
    private final JdbcFeatureFlags flags;
    private final AccessEvents events;
    private final ApplicationEventPublisher publisher;
    private final ProviderCatalog catalog;
    private final AdminChecks checks;
    private final AuditLog audit;

    AdminController(JdbcEntitlements entitlements, JdbcFeatureFlags flags, AccessEvents events, ApplicationEventPublisher publisher,
                    ProviderCatalog catalog, AdminChecks checks, AuditLog audit) {
        this.entitlements = entitlements;
        this.flags = flags;
        this.events = events;
        this.publisher = publisher;
        this.catalog = catalog;
        this.checks = checks;
        this.audit = audit;
        // A flush here or on another replica drops this node's provider caches too (their module listens for
        // CachesFlushed); the access caches listen to the broadcast themselves.
        events.on(AccessEvents.FLUSH, ignored -> publisher.publishEvent(new CachesFlushed()));
    }

    @Operation(summary = "A principal's stored entitlements (its keys' own providers add to these)")
    @GetMapping("/admin/entitlements/{principal}")
    EntitlementsView entitlements(@PathVariable String principal) {
        checks.principal("principal", principal);
        var grants = entitlements.stored(principal);
        return new EntitlementsView(principal, grants.providers().stream().sorted().toList(),
                new TreeMap<>(grants.userIds()));
    }

    @Operation(summary = "Replace a principal's entitlements; effective at once on every replica")
    @PutMapping("/admin/entitlements/{principal}")
    EntitlementsView putEntitlements(@PathVariable String principal,
                                     @RequestBody(required = false) EntitlementsBody body, HttpServletRequest http) {
        checks.principal("principal", principal);
        if (body == null || body.providers() == null) throw checks.invalid("providers", "a list of provider ids");
        var grants = new JdbcEntitlements.Grants(checks.providers("providers", body.providers()),
                checks.userIds("user_ids", body.userIds()));
        entitlements.replace(principal, grants);
        audit.record(actor(http), "put_entitlements", principal,
                "providers=" + grants.providers() + " user_ids=" + new TreeMap<>(grants.userIds()).keySet());
        return entitlements(principal);
    }

    @Operation(summary = "Every flag and whether it is on now")
    @GetMapping("/admin/flags")
    Flags flags() {
        var known = new ArrayList<>(FEATURES);
        catalog.all().forEach(e -> known.add(FeatureFlags.provider(e.info().id())));
        return new Flags(flags.all(known));
    }

    @Operation(summary = "Override one flag (stored, shared by replicas, wins over file and config)")
    @PutMapping("/admin/flags/{name}")
    Flag putFlag(@PathVariable String name, @RequestBody(required = false) FlagBody body, HttpServletRequest http) {
        flagName(name);
        if (body == null || body.enabled() == null) throw checks.invalid("enabled", "true or false");
        flags.override(name, body.enabled(), actor(http));
        audit.record(actor(http), "put_flag", name, "enabled=" + body.enabled());
        return new Flag(name, flags.enabled(name));
    }

    @Operation(summary = "Remove a flag's override: the flags file or config decides again")
    @DeleteMapping("/admin/flags/{name}")
    Flag deleteFlag(@PathVariable String name, HttpServletRequest http) {
        flagName(name);
        flags.override(name, null, actor(http));
        audit.record(actor(http), "delete_flag", name, null);
        return new Flag(name, flags.enabled(name));
    }

    @Operation(summary = "Forget cached provider answers, API keys, entitlements and item checks on every replica")
    @PostMapping("/admin/cache/flush")
    Done flush(HttpServletRequest http) {
        events.broadcast(AccessEvents.FLUSH, null);
        audit.record(actor(http), "flush_caches", null, null);
        return new Done("flushed");
    }

    @Operation(summary = "Read the flags file and stored flag overrides again on every replica")
    @PostMapping("/admin/config/reload")
    Done reload(HttpServletRequest http) {
        events.broadcast(AccessEvents.FLAGS, null);
        audit.record(actor(http), "reload_config", null, null);
        return new Done("reloaded");
    }

    @Operation(summary = "The latest admin actions, newest first")
    @GetMapping("/admin/audit")
    Audit audit(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) throw new InvalidParameterException("limit", "limit must be from 1 to 1000");
        return new Audit(audit.latest(limit));
    }

    private void flagName(String name) {
        if (!JdbcFeatureFlags.NAME.matcher(name).matches() || name.equals("file") || name.equals("refresh")) {
            throw new InvalidParameterException("name", "a flag name is like trending or provider.<id>");
        }
        if (name.startsWith("provider.")) checks.provider("name", name.substring("provider.".length()));
    }

    private static String actor(HttpServletRequest http) {
        return Caller.of(http).principal();
    }
}
