package io.fedsearch.provider.opensearch;

import io.fedsearch.provider.ProviderKind;
import io.fedsearch.provider.SearchProvider;

/** The {@code opensearch} kind: an OpenSearch (or Elasticsearch) index searched through {@code _search}. */
final class OpenSearchProviderKind implements ProviderKind<OpenSearchSettings> {

    @Override
    public String type() {
        return "opensearch";
    }

    @Override
    public Class<OpenSearchSettings> settingsType() {
        return OpenSearchSettings.class;
    }

    @Override
    public SearchProvider create(String id, OpenSearchSettings settings) {
        return new OpenSearchProvider(id, settings);
    }
}
