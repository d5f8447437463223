package io.fedsearch.access;

import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.provider.SearchHit;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Fine-grained rights: which of a provider's hits the caller may see. The search core applies it to every
 * successful page (fresh or stale) before merging, inside the provider's task so it runs under the deadline.
 * Never throws; when the rights cannot be established the hits in doubt are left out, never shown.
 */
public interface ItemRights {

    /** The hits the caller may see, in their order; the same list when the provider has no item check. */
    List<SearchHit> allowed(Caller caller, ProviderInfo provider, List<SearchHit> hits);

    /** Like {@link #allowed} but asks nobody: only hits already known to be allowed (for answers past the deadline). */
    List<SearchHit> allowedKnown(Caller caller, ProviderInfo provider, List<SearchHit> hits);

    /** Whether the provider decides rights per item (it has an {@code item-check-url}); only then are hits left out. */
    boolean checksItems(String provider);

    /**
     * For items stored earlier and checked again outside a request (the insights daily re-check): the ids the
     * provider now refuses to the principal (with its provider user id, as for a key of that principal). Always asks
     * the provider, and its answers replace the cached ones, so searches and trending follow at once. Unlike
     * {@link #allowed}, an id in doubt (the check failed) is not refused: a provider that is down must not make stored
     * items disappear. Empty for a provider without item check; never throws.
     */
    Set<String> refused(String principal, ProviderInfo provider, Collection<String> ids);
}
