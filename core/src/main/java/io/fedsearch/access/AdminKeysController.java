package io.fedsearch.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fedsearch.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/api-keys}: make, list and revoke API keys (admin key only, enforced by {@link ApiKeyFilter}). */
@RestController
class AdminKeysController {

    static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /**
     * A key to make.
     *
     * @param principal who the key speaks for: 1..64 of letters, digits and . _ @ -; required
     * @param providers non-public providers the key grants; default none
     * @param admin     may use /admin/**; default false
     * @param perSecond burst limit 1..100000; default fedsearch.access.default-per-second (20)
     * @param perHour   hourly limit 1..100000000; default fedsearch.access.default-per-hour (10,000)
     */
    record NewKey(String principal, List<String> providers, Boolean admin, Integer perSecond, Integer perHour) {
    }

    /** The only answer that carries a secret. */
    record CreatedKey(String id, String key, String principal) {
    }

    /** A key as listed: never its secret, only its first characters. */
    record KeyView(String id, String prefix, String principal, boolean admin, List<String> providers, int perSecond,
                   int perHour, long createdAt, Long revokedAt, boolean revoked) {
    }

    record Keys(@JsonProperty("api_keys") List<KeyView> apiKeys) {
    }

    private final JdbcApiKeys keys;
    private final AdminChecks checks;
    private final AuditLog audit;
    private final AccessProperties properties;

    AdminKeysController(JdbcApiKeys keys, AdminChecks checks, AuditLog audit, AccessProperties properties) {
        this.keys = keys;
        this.checks = checks;
        this.audit = audit;
        this.properties = properties;
    }

    @Operation(summary = "Make an API key; the answer is the only time its secret is shown")
    @PostMapping("/admin/api-keys")
    ResponseEntity<CreatedKey> create(@RequestBody(required = false) NewKey body, HttpServletRequest http) {
        if (body == null) throw checks.invalid("body", "a JSON object with at least principal");
        String principal = checks.principal("principal", body.principal());
        Set<String> providers = checks.providers("providers", body.providers());
        int perSecond = checks.range("per_second", body.perSecond(), properties.defaultPerSecond(), 100_000);
        int perHour = checks.range("per_hour", body.perHour(), properties.defaultPerHour(), 100_000_000);
        boolean admin = Boolean.TRUE.equals(body.admin());
        var created = keys.create(principal, admin, providers, perSecond, perHour);
        audit.record(Caller.of(http).principal(), "create_key", created.key().id(),
                "principal=" + principal + " admin=" + admin + " providers=" + providers
                        + " per_second=" + perSecond + " per_hour=" + perHour);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedKey(created.key().id(), created.secret(), principal));
    }

    @Operation(summary = "Every API key, newest first, revoked ones included; never a secret")
    @GetMapping("/admin/api-keys")
    Keys list() {
        return new Keys(keys.list().stream().map(k -> new KeyView(k.id(), k.prefix(), k.principal(), k.admin(),
                k.providers().stream().sorted().toList(), k.perSecond(), k.perHour(), k.createdAt() / 1000,
                k.revokedAt() == null ? null : k.revokedAt() / 1000, k.revokedAt() != null)).toList());
    }

    @Operation(summary = "Revoke an API key: refused from the next request on, on every replica")
    @DeleteMapping("/admin/api-keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, HttpServletRequest http) {
        var revoked = keys.revoke(id).orElseThrow(() -> new NotFoundException("no valid API key with id " + id));
        audit.record(Caller.of(http).principal(), "revoke_key", id, "principal=" + revoked.principal());
        return ResponseEntity.noContent().build();
    }
}
