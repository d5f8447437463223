package io.fedsearch.history.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fedsearch.history.read-datasource.*}: an optional PostgreSQL streaming standby of
 * {@code spring.datasource} that serves history reads (docs/history.md, "Read replicas"). Writes, ids and retention
 * always use the primary. Without {@code url} every read stays on the primary. Checked at start-up.
 *
 * @param url      a {@code jdbc:postgresql:} URL of the standby (hot_standby on), or absent/blank for none
 * @param username the standby's login (default: the URL's), read-only rights suffice
 * @param password that login's password
 */
@ConfigurationProperties("fedsearch.history.read-datasource")
record ReadDataSourceProperties(String url, String username, String password) {

    ReadDataSourceProperties {
        // An empty key (application.yml lists them empty) is an absent one.
        url = url == null || url.isBlank() ? null : url.strip();
        username = username == null || username.isBlank() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
        if (url == null && username != null) {
            throw new IllegalArgumentException(
                    "fedsearch.history.read-datasource.username is set without fedsearch.history.read-datasource.url");
        }
        // The URL is not echoed: it may carry a password.
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("fedsearch.history.read-datasource.url must be a jdbc:postgresql: URL"
                    + " (a streaming standby of spring.datasource)");
        }
    }

    boolean configured() {
        return url != null;
    }
}
