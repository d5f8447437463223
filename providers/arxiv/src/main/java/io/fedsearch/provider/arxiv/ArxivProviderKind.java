package io.fedsearch.provider.arxiv;

import io.fedsearch.provider.ProviderKind;
import io.fedsearch.provider.SearchProvider;
import java.time.Duration;

/**
 * The {@code arxiv} kind ({@link ArxivSettings}). arXiv asks clients for one connection at a time and 3 s between
 * calls, so those are this kind's defaults for max-concurrency and min-interval (both can still be set per provider).
 */
class ArxivProviderKind implements ProviderKind<ArxivSettings> {

    @Override
    public String type() {
        return "arxiv";
    }

    @Override
    public Class<ArxivSettings> settingsType() {
        return ArxivSettings.class;
    }

    @Override
    public SearchProvider create(String id, ArxivSettings settings) {
        return new ArxivProvider(id, settings.baseUrl());
    }

    @Override
    public int defaultMaxConcurrency() {
        return 1;
    }

    @Override
    public Duration defaultMinInterval() {
        return Duration.ofSeconds(3);
    }
}
