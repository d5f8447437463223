package io.fedsearch.access;

import io.fedsearch.provider.ProviderInfo;
import io.fedsearch.provider.SearchHit;
import java.util.List;

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
}
