package io.fedsearch.provider.messages;

import io.fedsearch.provider.UpstreamTransport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Offers the {@code messages} kind to the core, with its {@code /actuator/health} component "messages". */
@AutoConfiguration
public class MessagesKindConfiguration {

    @Bean
    MessagesProviderKind messagesProviderKind(JsonMapper json, UpstreamTransport http) {
        return new MessagesProviderKind(json, http);
    }

    @Bean("messages")
    HealthIndicator messagesHealthIndicator(MessagesProviderKind kind) {
        return new MessagesHealthIndicator(kind);
    }
}
