package io.fedsearch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Listing keys used to keep its database connection (an unclosed JdbcClient stream). With a pool of two and a
 * short wait for a connection, a few more listings than the pool holds would leave nothing for the next write.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=1000"})
class ApiKeysListConnectionTest extends AccessTestBase {

    @Test
    void listingKeysMoreOftenThanThePoolHoldsConnectionsLeavesTheDatabaseUsable() {
        for (int i = 0; i < 6; i++) {
            assertThat(http.get("/admin/api-keys", ADMIN).statusCode()).isEqualTo(200);
        }
        var created = http.send("POST", "/admin/api-keys", ADMIN, Map.of("principal", "after-listing"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(http.get("/admin/api-keys", ADMIN).body()).contains("after-listing");
    }
}
