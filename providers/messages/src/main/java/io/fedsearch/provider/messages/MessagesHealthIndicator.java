package io.fedsearch.provider.messages;

import java.util.LinkedHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component "messages": per messages provider its state ({@code ok}, {@code degraded}:
 * serving an older index after a failed refresh, {@code loading}: no index yet), message count, load time and
 * reason. Always UP: the app answers (from the last good index, or with the provider's error) whatever the
 * upstream does, so neither liveness nor readiness should turn it away.
 */
class MessagesHealthIndicator implements HealthIndicator {

    private final MessagesProviderKind kind;

    MessagesHealthIndicator(MessagesProviderKind kind) {
        this.kind = kind;
    }

    @Override
    public Health health() {
        var builder = Health.up();
        for (MessagesProvider provider : kind.created()) {
            var details = new LinkedHashMap<String, Object>();
            String reason = provider.degradedReason();
            details.put("state", !provider.loaded() ? "loading" : reason == null ? "ok" : "degraded");
            details.put("messages", provider.size());
            if (provider.loadedAt() != null) details.put("loaded_at", provider.loadedAt().toString());
            if (reason != null) details.put("reason", reason);
            builder.withDetail(provider.id(), details);
        }
        return builder.build();
    }
}
