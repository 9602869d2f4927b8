package io.tierlens.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad selector passed check-config and was refused by the API server at every list (issue 12). */
class BatchLabelSelectorCheckTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("batch", BatchConfig.class), k -> null);

    @Test
    void anInvalidLabelSelectorIsAnErrorAtItsPath() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.loadText("t.yaml", """
                regions: [eu-west-1]
                exporters:
                  batch:
                    label_selector: "tier=batch team=shop"
                """));

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.path()).isEqualTo("exporters.batch.label_selector");
            assertThat(err.message()).contains("label selector");
        });
    }

    @Test
    void aValidSetBasedSelectorIsAccepted() throws Exception {
        BatchConfig b = loader.loadText("t.yaml", """
                        regions: [eu-west-1]
                        exporters:
                          batch:
                            label_selector: "tier in (batch, cron),!legacy"
                        """).exporter("batch", BatchConfig.class);

        assertThat(b.labelSelector()).isEqualTo("tier in (batch, cron),!legacy");
    }
}
