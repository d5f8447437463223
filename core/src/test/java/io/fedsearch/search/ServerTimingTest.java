package io.fedsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedsearch.search.SearchResponse.ProviderEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTimingTest {

    @Test
    void listsEachProviderWithItsTimeAndTheStatusWhenNotOk() {
        var header = ServerTiming.of(List.of(
                new ProviderEntry("messages", ProviderStatus.OK, 3, 2L, null, null, List.of()),
                new ProviderEntry("arxiv", ProviderStatus.TIMEOUT, 120, null, "no answer within 120 ms", null, List.of())));

        assertThat(header).isEqualTo("messages;dur=3, arxiv;dur=120;desc=\"timeout\"");
    }

    @Test
    void providerIdsBecomeTokens() {
        assertThat(ServerTiming.token("my provider/2;x=\"y\"")).isEqualTo("my_provider_2_x__y_");
        assertThat(ServerTiming.token("a-b.c_d~1")).isEqualTo("a-b.c_d~1");
        assertThat(ServerTiming.token("café")).isEqualTo("caf_");
    }
}
