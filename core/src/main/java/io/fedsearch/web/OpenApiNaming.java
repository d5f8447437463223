package io.fedsearch.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes /v3/api-docs name body fields as the wire does. springdoc describes models with its own Jackson 2 mapper,
 * which knows nothing of spring.jackson.property-naming-strategy (SNAKE_CASE) set on the application's Jackson 3
 * mapper, so it wrote perSecond where clients must send per_second. This resolver takes the application mapper's
 * strategy instead; {@code @JsonProperty} names still win, as they do on the wire.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiNaming {

    @Bean
    ModelResolver wireNamedModels(JsonMapper application, ObjectMapperProvider springdoc) {
        var mapper = (springdoc.isOpenapi31() ? Json31.mapper() : Json.mapper()).copy();
        PropertyNamingStrategy strategy = application.serializationConfig().getPropertyNamingStrategy();
        if (strategy instanceof PropertyNamingStrategies.NamingBase naming) {
            var config = application.serializationConfig();
            mapper.setPropertyNamingStrategy(new com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase() {
                @Override
                public String translate(String name) {
                    // A NamingBase names from the Java name alone; the field it is asked about does not matter.
                    return naming.nameForField(config, null, name);
                }
            });
        }
        return new ModelResolver(mapper).openapi31(springdoc.isOpenapi31());
    }
}
