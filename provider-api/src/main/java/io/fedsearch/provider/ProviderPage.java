package io.fedsearch.provider;

import java.util.List;

/**
 * One page of a provider's answer.
 *
 * @param total how many results the provider holds for the query in all, null when it does not say
 */
public record ProviderPage(Long total, List<SearchHit> hits) {

    public ProviderPage {
        hits = List.copyOf(hits);
    }
}
