package io.fedsearch.insights;

import io.fedsearch.access.ItemRights;
import io.fedsearch.provider.ProviderCatalog;
import io.fedsearch.provider.ProviderInfo;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily ({@code fedsearch.insights.recheck-cron}, default 03:30): stored opened results of providers with item-level
 * rights (an {@code item-check-url}) are checked again, so a right withdrawn upstream also leaves the recent lists and
 * the trending counts. Trending then recounts at once on this replica; others follow within their trending-recompute
 * period and filter the item meanwhile through ItemRights. Does nothing while no provider has item-level rights.
 */
@Component
class RecheckJob {

    private final ClickService clicks;
    private final TrendingService trending;
    private final ProviderCatalog catalog;
    private final ItemRights itemRights;

    RecheckJob(ClickService clicks, TrendingService trending, ProviderCatalog catalog, ItemRights itemRights) {
        this.clicks = clicks;
        this.trending = trending;
        this.catalog = catalog;
        this.itemRights = itemRights;
    }

    @Scheduled(cron = "${fedsearch.insights.recheck-cron:0 30 3 * * *}")
    void recheck() {
        List<ProviderInfo> fineGrained = catalog.all().stream().map(ProviderCatalog.Entry::info)
                .filter(info -> itemRights.checksItems(info.id())).toList();
        if (!fineGrained.isEmpty() && clicks.recheck(fineGrained) > 0) {
            trending.forget();
        }
    }
}
