package io.tierlens.demo.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.Scraped;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoModules;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedCloudWatch;
import io.tierlens.demo.session.SessionLayout;
import io.tierlens.dr.DrConfig;
import io.tierlens.dr.DrModule;
import io.tierlens.dr.collector.FailoverCollector;
import io.tierlens.dr.collector.HealthCheckCollector;
import io.tierlens.dr.collector.ProbeCollector;
import io.tierlens.dr.collector.RecoveryCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production exporter over the demo's simulation, stepped through the failover drill of docs/demo.md with a
 * clock the test moves: the same path {@code tierlens demo} runs.
 */
class DrDemoSimulationTest {
    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");

    private final MovableClock clock = new MovableClock();
    private DrDemoSimulation simulation;
    private Exporter exporter;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(START);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @BeforeEach
    void start() throws Exception {
        Scenario scenario = new Scenario(clock, START, 1, 1);
        DrConfig config = new ConfigLoader(Map.of("dr", DrConfig.class), k -> null)
                .loadText("demo", """
                        regions: [ap-northeast-2]
                        exporters:
                          dr:
                            enabled: true
                            pushgateway: http://pushgateway.demo.invalid:9091
                            sites:
                              - {name: aws, role: primary}
                              - {name: dr, role: secondary, rpo_target: 15m, rto_target: 10m, copy_job: db-backup, drill_job: dr-drill}
                            records:
                              - {name: shop.example.com, hosted_zone_id: Z0DEMO0000000000000001}
                            probes:
                              - {name: shop-primary, site: aws, url: "http://primary.demo.invalid/health", timeout: 5s}
                              - {name: maintenance-page, site: dr, url: "https://dr.demo.invalid/", timeout: 5s,
                                 body_regex: "(?i)maintenance", insecure_skip_verify: true}
                        """)
                .exporter("dr", DrConfig.class);
        DrModule module = new DrModule();
        simulation = (DrDemoSimulation) DemoModules.all(SessionLayout.INDEXED)
                .get(module.name())
                .simulate(config, scenario, ApiCallRecorder.NOOP);
        DemoApiClients clients = new DemoApiClients();
        simulation.install(clients);
        SimulatedCloudWatch cw = new SimulatedCloudWatch(simulation.metricSources(), ApiCallRecorder.NOOP);
        clients.register(CloudWatchApi.class, t -> cw);
        CloudWatchPlanner planner = new CloudWatchPlanner(
                new CloudWatchConfig(null, Duration.ofSeconds(60), null, null, Duration.ofMillis(100)),
                t -> cw,
                clock,
                new SelfMetrics(new PrometheusRegistry()));
        exporter = module.create(
                config,
                new ExporterEnvironment(
                        clock,
                        List.of(AwsTarget.defaultCredentials("123456789012", "ap-northeast-2")),
                        clients,
                        planner,
                        new SelfMetrics(new PrometheusRegistry())));
    }

    @AfterEach
    void stop() {
        exporter.close();
        simulation.close();
    }

    private MetricSnapshots at(Duration scenarioTime) throws Exception {
        clock.now.set(START.plus(scenarioTime));
        return exporter.refresh().data();
    }

    private static double value(MetricSnapshots m, String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return Scraped.value(m, name, wanted).orElseThrow(() -> new AssertionError("no " + name + wanted));
    }

    @Test
    void playsTheFailoverDrill() throws Exception {
        MetricSnapshots before = at(Duration.ofMinutes(10));
        assertThat(value(before, FailoverCollector.ACTIVE_SITE, "site", "aws")).isEqualTo(1);
        assertThat(value(before, FailoverCollector.ACTIVE_SITE_CONFIRMED)).isEqualTo(1);
        assertThat(value(before, HealthCheckCollector.HEALTHY, "health_check", FailoverDrill.PRIMARY_HEALTH_CHECK))
                .isEqualTo(1);
        assertThat(value(before, ProbeCollector.SUCCESS, "target", "shop-primary"))
                .isEqualTo(1);
        assertThat(value(before, ProbeCollector.SUCCESS, "target", "maintenance-page"))
                .isEqualTo(1);
        assertThat(value(before, ProbeCollector.TLS_EXPIRY, "target", "maintenance-page"))
                .isGreaterThan(START.plus(Duration.ofDays(365)).getEpochSecond());
        assertThat(Scraped.value(before, ProbeCollector.TLS_EXPIRY, Map.of("target", "shop-primary")))
                .isEmpty();
        assertThat(value(before, RecoveryCollector.RPO, "site", "dr")).isEqualTo(8 * 60); // dump started at minute 2

        MetricSnapshots during = at(Duration.ofMinutes(18));
        assertThat(value(during, FailoverCollector.ACTIVE_SITE, "site", "dr")).isEqualTo(1);
        assertThat(value(during, FailoverCollector.ACTIVE_SITE, "site", "aws")).isZero();
        assertThat(value(during, FailoverCollector.ACTIVE_SITE_CONFIRMED)).isEqualTo(1);
        assertThat(value(during, FailoverCollector.FAILOVERS)).isEqualTo(1);
        assertThat(value(during, HealthCheckCollector.HEALTHY, "health_check", FailoverDrill.PRIMARY_HEALTH_CHECK))
                .isZero();
        assertThat(value(
                        during, HealthCheckCollector.HEALTHY_RATIO, "health_check", FailoverDrill.PRIMARY_HEALTH_CHECK))
                .isZero();
        assertThat(value(
                        during,
                        HealthCheckCollector.LAST_FAILURE,
                        "health_check",
                        FailoverDrill.PRIMARY_HEALTH_CHECK,
                        "reason",
                        "http_status"))
                .isEqualTo(1);
        assertThat(value(during, ProbeCollector.HTTP_STATUS, "target", "shop-primary"))
                .isEqualTo(503);
        assertThat(value(during, ProbeCollector.SUCCESS, "target", "maintenance-page"))
                .isEqualTo(1);

        MetricSnapshots after = at(Duration.ofMinutes(29));
        assertThat(value(after, FailoverCollector.ACTIVE_SITE, "site", "aws")).isEqualTo(1);
        assertThat(value(after, FailoverCollector.FAILOVERS)).isEqualTo(2);
        assertThat(value(after, RecoveryCollector.LAST_DRILL, "site", "dr"))
                .isEqualTo(START.plus(Duration.ofMinutes(25)).getEpochSecond());
        assertThat(value(after, RecoveryCollector.LAST_DRILL_RTO, "site", "dr")).isEqualTo(9 * 60);
        // the dump at minute 22 failed: the newest copy is still the one started at minute 12, over the 15m target
        assertThat(value(after, RecoveryCollector.RPO, "site", "dr")).isEqualTo(17 * 60);
        assertThat(value(after, RecoveryCollector.RPO_TARGET, "site", "dr")).isEqualTo(15 * 60);
    }

    @Test
    void closingStopsTheLocalSites() throws Exception {
        at(Duration.ofMinutes(1));
        simulation.close();

        MetricSnapshots m = at(Duration.ofMinutes(2));

        assertThat(value(m, ProbeCollector.SUCCESS, "target", "shop-primary")).isZero();
        assertThat(value(m, ProbeCollector.FAILURE, "target", "shop-primary", "reason", "connection_refused"))
                .isEqualTo(1);
    }
}
