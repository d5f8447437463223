package io.fedsearch.provider.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.bench.AuroraUpstream;
import io.fedsearch.bench.MessagesGenerator;
import io.fedsearch.provider.ProviderPage;
import io.fedsearch.provider.ProviderQuery;
import io.fedsearch.provider.SearchHit;
import io.fedsearch.provider.UpstreamFailureException;
import io.github.resilience4j.retry.Retry;
import io.fedsearch.search.internal.UpstreamClient;
import org.springframework.util.unit.DataSize;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessagesProviderTest {

    private final List<MessagesGenerator.Item> items = MessagesGenerator.generate(1_200, 13, 5, 30);
    private final JsonMapper json = JsonMapper.builder().build();
    private final UpstreamClient http = new UpstreamClient(DataSize.ofMegabytes(10));
    private AuroraUpstream upstream;
    private MessagesProvider provider;

    @BeforeEach
    void start() throws Exception {
        upstream = AuroraUpstream.start(items);
        var source = new AuroraSource(upstream.url(), http, json, Retry.of("test", MessagesProviderKind.PAGE_RETRY));
        provider = new MessagesProvider("chat", source, json);
    }

    @AfterEach
    void stop() {
        upstream.close();
        http.close();
    }

    @Test
    void answersIndexNotLoadedYetUntilTheFirstLoadSucceeds() {
        upstream.failAll(true);
        assertThat(provider.refresh()).isFalse();
        assertThat(provider.loaded()).isFalse();
        assertThatThrownBy(() -> provider.search(query("paris", 1, 10)))
                .isInstanceOf(UpstreamFailureException.class).hasMessageStartingWith("index not loaded yet");

        upstream.failAll(false);
        assertThat(provider.refresh()).isTrue();
        assertThat(provider.search(query("paris", 1, 10)).total()).isPositive();
        assertThat(provider.degradedReason()).isNull();
    }

    @Test
    void turnsMessagesIntoHitsWithTheAuthorDateAndAShortTitle() {
        provider.refresh();
        MessagesGenerator.Item longest = items.stream().filter(i -> i.message().length() > 100).findFirst().orElseThrow();
        ProviderPage page = provider.search(query(longest.message(), 1, 10));
        assertThat(page.total()).isEqualTo(1);
        SearchHit hit = page.hits().getFirst();
        assertThat(hit.id()).isEqualTo(longest.id());
        assertThat(hit.snippet()).isEqualTo(longest.message());
        assertThat(hit.title()).hasSizeLessThanOrEqualTo(81).endsWith("…");
        assertThat(longest.message()).startsWith(hit.title().substring(0, hit.title().length() - 1));
        assertThat(hit.authors()).containsExactly(longest.userName());
        assertThat(hit.published()).isEqualTo(longest.timestamp());
        assertThat(hit.url()).isNull();
    }

    @Test
    void pagesTheFederatedSearch() {
        provider.refresh();
        ProviderPage all = provider.search(query("a", 1, 100));
        ProviderPage second = provider.search(query("a", 2, 3));
        assertThat(second.total()).isEqualTo(all.total());
        assertThat(second.hits()).containsExactlyElementsOf(all.hits().subList(3, 6));
    }

    private static ProviderQuery query(String q, int page, int size) {
        return new ProviderQuery(q, null, null, null, page, size, null);
    }
}
