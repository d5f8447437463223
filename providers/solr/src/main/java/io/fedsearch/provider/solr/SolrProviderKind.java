package io.fedsearch.provider.solr;

import io.fedsearch.provider.ProviderKind;
import io.fedsearch.provider.SearchProvider;

/** The {@code solr} kind: a Solr core or collection searched with edismax over HTTP. */
final class SolrProviderKind implements ProviderKind<SolrSettings> {

    static final String TYPE = "solr";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<SolrSettings> settingsType() {
        return SolrSettings.class;
    }

    @Override
    public SearchProvider create(String id, SolrSettings settings) {
        return new SolrProvider(id, settings);
    }
}
