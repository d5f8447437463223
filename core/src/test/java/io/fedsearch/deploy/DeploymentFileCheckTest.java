package io.fedsearch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks of DeploymentFilesTest on fixtures: a renamed key or a wrong port in a deployment file is reported. */
class DeploymentFileCheckTest {

    private static AppSettings app;

    @BeforeAll
    static void readTheApp() {
        app = AppSettings.load(Path.of("src/main"));
    }

    @Test
    void environmentVariablesBindToConfigKeysByRelaxedBinding() {
        assertThat(app.knows("FEDSEARCH_STATE_REDIS_URL")).isTrue();
        assertThat(app.knows("FEDSEARCH_STATE_REPLICAS")).isTrue();
        assertThat(app.knows("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(app.knows("SERVER_FORWARD_HEADERS_STRATEGY")).isTrue();
        assertThat(app.knows("FEDSEARCH_PROVIDERS_NEWS_TIMEOUT")).isTrue();
        assertThat(app.knows("FEDSEARCH_ADMIN_KEY")).isTrue();
        assertThat(app.knows("LOG_FORMAT")).isTrue();
    }

    @Test
    void aRenamedEnvironmentVariableInAComposeFileIsReported() {
        String compose = """
                services:
                  fedsearch-1:
                    image: fedsearch:test
                    environment:
                      FEDSEARCH_STATE_REDIS_URI: redis://redis:6379
                      FEDSEARCH_STATE_REPLICAS: "1"
                      SPRING_DATASOURCE_URL: jdbc:postgresql://postgres/fedsearch
                  redis:
                    image: redis:7
                    environment:
                      NOT_OURS: "1"
                """;

        assertThat(DeploymentFiles.problems(DeploymentFiles.compose("fixture", compose), app, path -> true))
                .containsExactly("fixture service fedsearch-1: FEDSEARCH_STATE_REDIS_URI is neither a config key of "
                        + "the app (relaxed binding) nor a variable it reads");
    }

    @Test
    void aConfigMapKeyAndAProbePortThatAreNotTheAppsAreReported() {
        Map<String, String> manifests = Map.of("fixture.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: app}
                data:
                  FEDSEARCH_SEARCH_DEFAULT_TIMEOUT: 2s
                  FEDSEARCH_SEARCH_DEFAULT_DEADLINE: 2s
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          ports: [{name: http, containerPort: 8080}]
                          envFrom: [{configMapRef: {name: app}}]
                          livenessProbe: {httpGet: {path: /actuator/health/liveness, port: 9090}}
                """);

        assertThat(DeploymentFiles.problems(DeploymentFiles.kubernetes(manifests), app, path -> true))
                .containsExactlyInAnyOrder(
                        "fixture.yaml container app ConfigMap app: FEDSEARCH_SEARCH_DEFAULT_DEADLINE is neither a "
                                + "config key of the app (relaxed binding) nor a variable it reads",
                        "fixture.yaml container app livenessProbe: port 9090 is not server.port 8080");
    }

    @Test
    void aDockerfileExposingAnotherPortOrSettingAnUnknownVariableIsReported() {
        String dockerfile = """
                FROM eclipse-temurin:25-jre
                ENV FEDSEARCH_STATE_REPLICAS=3 \\
                    FEDSEARCH_HISTORY_QUEUE_SIZE=100
                EXPOSE 8081
                HEALTHCHECK CMD curl -f http://127.0.0.1:8080/actuator/health/liveness || exit 1
                """;

        List<String> problems = DeploymentFiles.problems(
                DeploymentFiles.dockerfile("fixture", dockerfile), app, path -> path.equals("/actuator/health/liveness"));

        assertThat(problems).containsExactlyInAnyOrder(
                "fixture: FEDSEARCH_HISTORY_QUEUE_SIZE is neither a config key of the app (relaxed binding) nor a "
                        + "variable it reads",
                "fixture: port 8081 is not server.port 8080");
    }
}
