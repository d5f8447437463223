package io.fedsearch.provider.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.bench.AuroraUpstream;
import io.fedsearch.bench.MessagesGenerator;
import io.github.resilience4j.retry.Retry;
import io.fedsearch.search.internal.UpstreamClient;
import org.springframework.util.unit.DataSize;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuroraSourceTest {

    private final List<MessagesGenerator.Item> items = MessagesGenerator.generate(5_500, 11, 5, 30);
    private final JsonMapper json = JsonMapper.builder().build();
    private final UpstreamClient http = new UpstreamClient(DataSize.ofMegabytes(10));
    private AuroraUpstream upstream;
    private AuroraSource source;

    @BeforeEach
    void start() throws Exception {
        upstream = AuroraUpstream.start(items);
        source = new AuroraSource(upstream.url(), http, json, Retry.of("test", MessagesProviderKind.PAGE_RETRY));
    }

    @AfterEach
    void stop() {
        upstream.close();
        http.close();
    }

    @Test
    void fetchesEveryPageInUpstreamOrder() throws Exception {
        assertSameItems(source.fetchAll());
        assertThat(upstream.requests()).isEqualTo(6);
    }

    @Test
    void retriesAPageThatFailsTwiceAndStillGetsEverything() throws Exception {
        upstream.failPage(2_000, 2);
        assertSameItems(source.fetchAll());
        assertThat(upstream.requests()).isEqualTo(8);
    }

    @Test
    void followsAnUpstreamThatServesShorterPagesThanAsked() throws Exception {
        upstream.capLimit(300);
        assertSameItems(source.fetchAll());
    }

    @Test
    void failsTheWholeFetchWhenAPageKeepsFailing() {
        upstream.failPage(3_000, 10);
        assertThatThrownBy(source::fetchAll).hasMessageContaining("HTTP 500").hasMessageContaining("skip=3000");
    }

    @Test
    void keepsTheItemJsonAsTheUpstreamGaveIt() throws Exception {
        Message first = source.fetchAll().getFirst();
        MessagesGenerator.Item item = items.getFirst();
        assertThat(new String(first.raw(), StandardCharsets.UTF_8)).startsWith("{\"id\":\"" + item.id() + "\",\"user_id\":")
                .endsWith(",\"message\":" + json.writeValueAsString(item.message()) + "}");
    }

    private void assertSameItems(List<Message> fetched) {
        assertThat(fetched).hasSize(items.size());
        assertThat(fetched.stream().map(Message::text).toList())
                .containsExactlyElementsOf(items.stream().map(MessagesGenerator.Item::message).toList());
    }
}
