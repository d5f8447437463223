package io.fedsearch.insights;

import io.fedsearch.provider.InvalidConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of recent lists, trending and suggest ({@code fedsearch.insights.*}).
 *
 * @param trendingRecompute  how old a window's top list may get before it is recomputed from the clicks (default 1h)
 * @param trendingCacheTtl   how long one caller's filtered trending answer is reused (default 30s)
 * @param trendingKept       how many most-opened results a window keeps before entitlement filtering (default 100)
 * @param suggestRefresh     how often queries asked since the last refresh become suggestible (default 5s)
 * @param suggestSync        how often the queries other replicas stored are read into this one's suggest (10s)
 * @param suggestMaxQueries  most distinct past queries kept for suggest (default 1,000,000; about 200 bytes each
 *                           plus the index); past it the lowest-scoring (rarely and long ago asked) are dropped
 * @param suggestReferenceDir a directory of {@code *.txt} files (one entry a line, '#' comments) that replaces the
 *                           bundled reference data; unset = the bundled {@code classpath:suggest/*.txt}
 * @param suggestHistorySeed  optional file of past queries loaded at start-up, one {@code asks<TAB>query} a line
 *                           (for migrations and benchmarks); unset = start with no past queries
 * @param suggestMinPrincipals distinct principals that must have asked a query (of public providers only) before
 *                           it is suggested to other principals (default 3); each principal is always suggested its own
 * @param recheckCron        when stored clicks of providers with item-level rights are re-checked (default daily 03:30)
 */
@ConfigurationProperties("fedsearch.insights")
record InsightsProperties(@DefaultValue("1h") Duration trendingRecompute,
                          @DefaultValue("30s") Duration trendingCacheTtl,
                          @DefaultValue("100") int trendingKept,
                          @DefaultValue("5s") Duration suggestRefresh,
                          @DefaultValue("10s") Duration suggestSync,
                          @DefaultValue("1000000") int suggestMaxQueries,
                          Path suggestReferenceDir,
                          Path suggestHistorySeed,
                          @DefaultValue("0 30 3 * * *") String recheckCron,
                          @DefaultValue("3") int suggestMinPrincipals) {

    InsightsProperties {
        if (suggestMinPrincipals < 1) {
            throw new InvalidConfigurationException("fedsearch.insights.suggest-min-principals", suggestMinPrincipals,
                    "1 or more");
        }
    }
}
