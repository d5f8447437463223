package io.fedsearch.access;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Flags read from {@code fedsearch.flags.<name>} in the configuration; unset = on. */
@Component
class ConfiguredFeatureFlags implements FeatureFlags {

    private final Environment environment;

    ConfiguredFeatureFlags(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean enabled(String name) {
        return environment.getProperty("fedsearch.flags." + name, Boolean.class, true);
    }
}
