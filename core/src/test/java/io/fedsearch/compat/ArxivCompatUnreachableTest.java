package io.fedsearch.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedsearch.FedsearchApplication;
import io.fedsearch.provider.InvalidConfigurationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** GET /arxiv when arXiv cannot be reached: the test configuration points the arxiv provider at a refused port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArxivCompatUnreachableTest {

    @LocalServerPort
    int port;

    @Test
    void answers502NamingTheFailureWhenArxivCannotBeReached() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/arxiv?author=Smith")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JsonMapper.builder().build().readTree(response.body()).get("detail").asString())
                .isEqualTo("arXiv request failed: connection refused");
    }

    @Test
    void refusesToStartWhenTheCompatProviderIsNotAnArxivProvider() {
        var app = new SpringApplication(FedsearchApplication.class);

        assertThatThrownBy(() -> app.run("--server.port=0", "--fedsearch.compat.arxiv-provider=nope"))
                .rootCause().isInstanceOf(InvalidConfigurationException.class)
                .asInstanceOf(InstanceOfAssertFactories.THROWABLE)
                .hasMessageStartingWith("fedsearch.compat.arxiv-provider: 'nope'");
    }
}
