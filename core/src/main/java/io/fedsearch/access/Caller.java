package io.fedsearch.access;

import io.fedsearch.provider.ProviderInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;

/**
 * Who is asking: resolved once per request from its API key (or anonymous) and kept as a request attribute.
 *
 * @param principal  the key's principal, or "anonymous"
 * @param admin      may use /admin/**
 * @param granted    non-public providers this principal may call
 * @param providerUserIds this principal's id at providers that have their own user ids
 */
public record Caller(String principal, boolean admin, Set<String> granted, Map<String, String> providerUserIds) {

    public static final String ATTRIBUTE = Caller.class.getName();
    public static final Caller ANONYMOUS = new Caller("anonymous", false, Set.of(), Map.of());

    public Caller {
        granted = Set.copyOf(granted);
        providerUserIds = Map.copyOf(providerUserIds);
    }

    /** The caller of the current request; anonymous when no key was resolved. */
    public static Caller of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? caller : ANONYMOUS;
    }

    public boolean anonymous() {
        return this == ANONYMOUS || "anonymous".equals(principal);
    }

    /** Public providers for everyone; others only when granted (admins see all). */
    public boolean mayUse(ProviderInfo provider) {
        return provider.publicAccess() || admin || granted.contains(provider.id());
    }
}
