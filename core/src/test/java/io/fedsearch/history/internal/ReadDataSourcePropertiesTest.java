package io.fedsearch.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadDataSourcePropertiesTest {

    @Test
    void withoutAUrlThereIsNoReadDataSource() {
        assertThat(new ReadDataSourceProperties(null, null, null).configured()).isFalse();
        assertThat(new ReadDataSourceProperties("  ", null, null).configured()).isFalse();
    }

    @Test
    void aUrlOfAnotherDatabaseThanPostgresqlIsRefusedNamingTheKeyButNotTheUrl() {
        assertThatThrownBy(() -> new ReadDataSourceProperties("jdbc:h2:mem:x;PASSWORD=secret", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fedsearch.history.read-datasource.url")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aUsernameWithoutAUrlIsRefusedNamingBothKeys() {
        assertThatThrownBy(() -> new ReadDataSourceProperties(null, "reader", null))
                .hasMessageContaining("fedsearch.history.read-datasource.username")
                .hasMessageContaining("fedsearch.history.read-datasource.url");
    }

    @Test
    void aPostgresqlUrlConfiguresTheStandby() {
        var standby = new ReadDataSourceProperties(" jdbc:postgresql://standby:5432/fedsearch ", "reader", "pw");
        assertThat(standby.configured()).isTrue();
        assertThat(standby.url()).isEqualTo("jdbc:postgresql://standby:5432/fedsearch");
    }
}
