package io.tierlens.demo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.app.wiring.Modules;
import io.tierlens.core.config.LoadedConfig;
import org.junit.jupiter.api.Test;

/** The embedded demo.yaml binds with the production loader: a demo that cannot start is caught here, not in the IT. */
class DemoConfigTest {
    @Test
    void theEmbeddedConfigurationIsValidAndEnablesEveryExporter() throws Exception {
        LoadedConfig config = DemoConfig.load(Modules.all());

        assertThat(config.exporters())
                .containsKeys("alb", "rds", "backup", "dr", "batch", "karpenter", "cost", "session");
        assertThat(config.exporters().values())
                .allSatisfy(s -> assertThat(s.enabled()).isTrue());
    }
}
