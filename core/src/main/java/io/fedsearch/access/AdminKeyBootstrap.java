package io.fedsearch.access;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Makes sure an admin can get in. {@code FEDSEARCH_ADMIN_KEY} (environment or property), when set, is stored as
 * an admin key of principal "admin" unless already stored. Otherwise, when the store holds no valid admin key,
 * one is generated and printed once, here, to the log: the only log line that ever carries a secret.
 * Replicas starting at the same moment on an empty store may each print one; each is valid (revoke extras).
 */
@Component
class AdminKeyBootstrap implements ApplicationRunner {

    static final String ENV = "FEDSEARCH_ADMIN_KEY";
    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final JdbcApiKeys keys;
    private final Environment environment;
    private final AccessProperties properties;

    AdminKeyBootstrap(JdbcApiKeys keys, Environment environment, AccessProperties properties) {
        this.keys = keys;
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String given = environment.getProperty(ENV);
        if (given != null && !given.isBlank()) {
            if (given.strip().length() < 20) {
                throw new IllegalStateException(ENV + " must be at least 20 characters");
            }
            if (!keys.exists(given.strip())) {
                try {
                    keys.insert(given.strip(), "admin", true, Set.of(), properties.defaultPerSecond(), properties.defaultPerHour());
                    log.info("admin key from {} stored", ENV);
                } catch (DuplicateKeyException raced) {
                    // another replica stored it first
                }
            }
            return;
        }
        if (!keys.anyValidAdmin()) {
            var created = keys.create("admin", true, Set.of(), properties.defaultPerSecond(), properties.defaultPerHour());
            log.warn("No admin key was stored: generated one, shown only now. Admin key (id {}): {}",
                    created.key().id(), created.secret());
        }
    }
}
