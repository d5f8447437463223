package io.fedsearch.insights;

import io.fedsearch.provider.ProviderCatalog;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily: stored opened results of providers with item-level rights are checked again, so a right withdrawn upstream
 * also leaves the recent lists and trending counts. Does nothing while no provider has item-level rights.
 */
@Component
class RecheckJob {

    private final ClickService clicks;
    private final ProviderCatalog catalog;
    private final ItemCheck check;

    RecheckJob(ClickService clicks, ProviderCatalog catalog, ItemCheck check) {
        this.clicks = clicks;
        this.catalog = catalog;
        this.check = check;
    }

    @Scheduled(cron = "${fedsearch.insights.recheck-cron:0 30 3 * * *}")
    void recheck() {
        Set<String> fineGrained = catalog.all().stream().map(e -> e.info().id())
                .filter(check::fineGrained).collect(Collectors.toSet());
        if (!fineGrained.isEmpty()) {
            clicks.recheck(fineGrained, check);
        }
    }
}
