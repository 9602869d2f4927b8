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

    /** Issue 15: at --speed 30 the dump's age (real seconds) must be able to pass the DR site's RPO target. */
    @Test
    void theDrSitesTargetsAreScenarioDurationsScaledBySpeed() throws Exception {
        assertThat(DemoConfig.scaledSeconds(DemoConfig.DR_RPO_TARGET, 1)).isEqualTo("900s");
        assertThat(DemoConfig.scaledSeconds(DemoConfig.DR_RPO_TARGET, 30)).isEqualTo("30s");
        assertThat(DemoConfig.scaledSeconds(DemoConfig.DR_RTO_TARGET, 30)).isEqualTo("20s");
        assertThat(DemoConfig.scaledSeconds(DemoConfig.DR_RTO_TARGET, 10_000)).isEqualTo("1s");

        String dr = DemoConfig.load(Modules.all(), 30).exporters().get("dr").toString();
        assertThat(dr).contains("PT30S").contains("PT20S");
    }
}
