package io.fedsearch.provider;

/**
 * A provider that answers from an index it keeps in this process (filled from its upstream at its own pace).
 * Its search runs under the same guard and deadline as a remote call.
 */
public non-sealed interface IndexedSearchProvider extends SearchProvider {

    /** Searches the current index; must be safe to call from many threads at once. */
    ProviderPage search(ProviderQuery query);

    /** Null while healthy, else why the index is degraded (for example: the last refresh failed, and why). */
    default String degradedReason() {
        return null;
    }
}
