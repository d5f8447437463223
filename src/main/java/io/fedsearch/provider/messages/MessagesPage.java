package io.fedsearch.provider.messages;

import java.util.List;

/**
 * One page of matching messages, for the seed-compatible endpoint.
 *
 * @param total how many messages match in all
 * @param items the page's items, each the upstream's JSON object as UTF-8, in upstream order
 */
public record MessagesPage(long total, List<byte[]> items) {

    public MessagesPage {
        items = List.copyOf(items);
    }
}
