package io.tierlens.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("batch", BatchConfig.class), k -> null);

    @Test
    void isOffByDefault() throws Exception {
        LoadedConfig c = loader.loadText("t.yaml", "regions: [eu-west-1]");
        BatchConfig b = c.exporter("batch", BatchConfig.class);

        assertThat(b.enabled()).isFalse();
        assertThat(b.refresh()).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.namespaces()).isEmpty();
    }

    @Test
    void bindsItsKeys() throws Exception {
        LoadedConfig c = loader.loadText("t.yaml", """
                regions: [eu-west-1]
                exporters:
                  batch:
                    enabled: true
                    namespaces: [shop, ops]
                    label_selector: tier=batch
                    api_timeout: 5s
                """);
        BatchConfig b = c.exporter("batch", BatchConfig.class);

        assertThat(b.enabled()).isTrue();
        assertThat(b.namespaces()).containsExactly("shop", "ops");
        assertThat(b.labelSelector()).isEqualTo("tier=batch");
        assertThat(b.apiTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void namesEveryBadKey() {
        assertThatThrownBy(() -> loader.loadText("t.yaml", """
                        regions: [eu-west-1]
                        exporters:
                          batch:
                            namespaces: [Shop_Prod]
                            api_timeout: 5m
                        """))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).lines())
                        .anySatisfy(l -> assertThat(l).contains("exporters.batch.namespaces[0]"))
                        .anySatisfy(l -> assertThat(l).contains("exporters.batch.api_timeout")));
    }
}
