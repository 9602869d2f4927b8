package io.tierlens.alb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.alb.testing.EveryMinute;
import io.tierlens.alb.testing.FakeAlbApi;
import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlbModuleTest {
    private final AlbModule module = new AlbModule();
    private final ConfigLoader loader = new ConfigLoader(Map.of("alb", AlbConfig.class), k -> null);

    @Test
    void describesItself() {
        assertThat(module.name()).isEqualTo("alb");
        assertThat(module.configType()).isEqualTo(AlbConfig.class);
        assertThat(module.inventoryKinds()).containsExactly("load_balancer", "target_group");
    }

    @Test
    void defaultsNeedNoSection() throws Exception {
        LoadedConfig c = loader.loadText("t.yaml", "regions: [eu-west-1]\n");
        AlbConfig alb = c.exporter("alb", AlbConfig.class);

        assertThat(alb.enabled()).isTrue();
        assertThat(alb.refresh()).isEqualTo(Duration.ofSeconds(60));
        assertThat(alb.maxStaleness()).isEqualTo(Duration.ofMinutes(10));
        assertThat(alb.discoveryInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(alb.tags()).isEmpty();
        assertThat(alb.names()).isEmpty();
        assertThat(alb.targetHealth()).isTrue();
        assertThat(alb.targetGroupMetrics()).isTrue();
        assertThat(alb.percentiles()).containsExactly("p50", "p90", "p99");
    }

    @Test
    void bindsSnakeCaseKeys() throws Exception {
        LoadedConfig c = loader.loadText("t.yaml", """
                regions: [eu-west-1]
                exporters:
                  alb:
                    refresh: 2m
                    max_staleness: 15m
                    discovery_interval: 10m
                    tags:
                      elbv2.k8s.aws/cluster: "*"
                      env: prod
                    names: ["k8s-shop-*"]
                    target_health: false
                    target_group_metrics: false
                    percentiles: [p95]
                """);
        AlbConfig alb = c.exporter("alb", AlbConfig.class);

        assertThat(alb.refresh()).isEqualTo(Duration.ofMinutes(2));
        assertThat(alb.discoveryInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(alb.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("elbv2.k8s.aws/cluster", "*", "env", "prod"));
        assertThat(alb.names()).containsExactly("k8s-shop-*");
        assertThat(alb.targetHealth()).isFalse();
        assertThat(alb.targetGroupMetrics()).isFalse();
        assertThat(alb.percentiles()).containsExactly("p95");
    }

    @Test
    void badValuesAreReportedWithTheirPath() {
        assertThatThrownBy(() -> loader.loadText("t.yaml", """
                        regions: [eu-west-1]
                        exporters:
                          alb:
                            discovery_interval: 30s
                            percentiles: [p42, p99, p99]
                        """))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.errors())
                                .extracting(ConfigError::path)
                                .containsExactlyInAnyOrder(
                                        "exporters.alb.discovery_interval",
                                        "exporters.alb.percentiles[0]",
                                        "exporters.alb.percentiles[2]"));
    }

    @Test
    void discoverQueriesRunsOneDiscoveryForTheTarget() throws Exception {
        TestEnvironment env = new TestEnvironment();
        FakeAlbApi alb = FakeAlbApi.in(env).get();
        alb.addTargetGroup("tg", Map.of(), alb.addLoadBalancer("web", Map.of()));
        AlbConfig config = EveryMinute.of(new AlbConfig(null, null, null, null, null, null, null, null, null));

        assertThat(module.discoverQueries(config, env.environment(), TestEnvironment.TARGET))
                .hasSize(20 + 12);
        assertThat(env.cloudWatchApi.calls()).isEmpty();
    }

    @Test
    void createdExporterUsesTheConfiguredSchedule() {
        AlbConfig config = EveryMinute.of(new AlbConfig(
                null, Duration.ofSeconds(30), Duration.ofMinutes(3), null, null, null, null, null, List.of()));
        Exporter e = module.create(config, new TestEnvironment().environment());

        assertThat(e.name()).isEqualTo("alb");
        assertThat(e.refreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.maxStaleness()).isEqualTo(Duration.ofMinutes(3));
    }
}
