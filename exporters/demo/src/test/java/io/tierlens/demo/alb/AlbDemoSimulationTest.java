package io.tierlens.demo.alb;

import static io.tierlens.core.testing.Snapshots.labels;
import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.alb.AlbConfig;
import io.tierlens.alb.AlbModule;
import io.tierlens.alb.testing.EveryMinute;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoModules;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedCloudWatch;
import io.tierlens.demo.session.SessionLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production exporter over the demo's simulated ELBv2 and CloudWatch, at moments of the scenario. */
class AlbDemoSimulationTest {
    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    private static final AwsTarget TARGET = AwsTarget.defaultCredentials("111122223333", "eu-west-1");

    private final MutableClock clock = new MutableClock(START);
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SelfMetrics self = new SelfMetrics(registry);
    private final Scenario scenario = new Scenario(clock, START, 1.0, 5);
    private final AlbModule module = new AlbModule();
    private final AlbConfig config =
            EveryMinute.of(new AlbConfig(null, null, null, null, null, null, null, null, null));
    private final Exporter exporter;

    AlbDemoSimulationTest() {
        DemoSimulation sim =
                DemoModules.all(SessionLayout.INDEXED).get(module.name()).simulate(config, scenario, self);
        DemoApiClients clients = new DemoApiClients();
        sim.install(clients);
        SimulatedCloudWatch cloudWatch = new SimulatedCloudWatch(sim.metricSources(), self);
        CloudWatchPlanner planner = new CloudWatchPlanner(
                new CloudWatchConfig(null, null, null, null, Duration.ofMillis(100)), t -> cloudWatch, clock, self);
        exporter = module.create(config, new ExporterEnvironment(clock, List.of(TARGET), clients, planner, self));
    }

    private MetricSnapshots refreshAt(Duration sinceStart) throws Exception {
        clock.set(START.plus(sinceStart));
        return exporter.refresh().data();
    }

    private static String shop(MetricSnapshots out) {
        return labels(out, "tierlens_alb_info").stream()
                .filter(l -> l.get("ingress").equals("shop/web"))
                .map(l -> l.get("load_balancer"))
                .findFirst()
                .orElseThrow();
    }

    /** 5xx from targets and from the load balancer, as a share of requests. */
    private static double fiveXxRatio(MetricSnapshots out, String lb) {
        double requests = value(out, "tierlens_alb_requests_per_second", "load_balancer", lb)
                .orElseThrow();
        double target = value(
                        out,
                        "tierlens_alb_http_responses_per_second",
                        "load_balancer",
                        lb,
                        "source",
                        "target",
                        "code_class",
                        "5xx")
                .orElseThrow();
        double elb = value(
                        out,
                        "tierlens_alb_http_responses_per_second",
                        "load_balancer",
                        lb,
                        "source",
                        "elb",
                        "code_class",
                        "5xx")
                .orElseThrow();
        return (target + elb) / requests;
    }

    @Test
    void theShopLooksLikeARealThreeTierAppAndTheRestIsGenerated() throws Exception {
        MetricSnapshots out = refreshAt(Duration.ofMinutes(3));

        assertThat(labels(out, "tierlens_alb_info")).hasSize(5);
        assertThat(shop(out)).startsWith("k8s-shop-web-");
        assertThat(labels(out, "tierlens_alb_info"))
                .anySatisfy(l -> assertThat(l.get("ingress")).isEmpty());
        assertThat(labels(out, "tierlens_alb_target_group_info"))
                .hasSize(15)
                .filteredOn(l -> l.get("namespace").equals("shop"))
                .extracting(l -> l.get("service") + ":" + l.get("port"))
                .containsExactlyInAnyOrder("nginx:80", "was:8080", "was-admin:management");
        assertThat(labels(out, "tierlens_alb_info"))
                .allSatisfy(l -> assertThat(l).containsEntry("account_id", "111122223333"));
    }

    @Test
    void outsideTheBurstNothingFails() throws Exception {
        MetricSnapshots out = refreshAt(Duration.ofMinutes(4));

        assertThat(fiveXxRatio(out, shop(out))).isZero();
        assertThat(labels(out, "tierlens_alb_target_health"))
                .allSatisfy(l -> assertThat(l.get("state")).isEqualTo("healthy"));
    }

    @Test
    void inTheBurstTheWasTierFailsIsSlowAndLosesATarget() throws Exception {
        MetricSnapshots calm = refreshAt(Duration.ofMinutes(4));
        String shop = shop(calm);
        double calmLatency = value(
                        calm, "tierlens_alb_target_response_time_seconds", "load_balancer", shop, "statistic", "p99")
                .orElseThrow();

        // Burst from minute 8 to 14; CloudWatch's newest complete period lags two minutes behind.
        MetricSnapshots burst = refreshAt(Duration.ofMinutes(12));

        assertThat(fiveXxRatio(burst, shop)).isGreaterThanOrEqualTo(0.10);
        assertThat(value(burst, "tierlens_alb_target_response_time_seconds", "load_balancer", shop, "statistic", "p99")
                        .orElseThrow())
                .isGreaterThan(2 * calmLatency);
        String was = labels(burst, "tierlens_alb_target_group_info").stream()
                .filter(l ->
                        l.get("namespace").equals("shop") && l.get("service").equals("was"))
                .map(l -> l.get("target_group"))
                .findFirst()
                .orElseThrow();
        assertThat(labels(burst, "tierlens_alb_target_health"))
                .anySatisfy(
                        l -> assertThat(l).containsEntry("target_group", was).containsEntry("state", "unhealthy"));
        assertThat(value(burst, "tierlens_alb_target_group_unhealthy_targets", "target_group", was))
                .hasValueSatisfying(v -> assertThat(v).isPositive());
    }

    @Test
    void simulatedCallsAreRecordedUnderTheSdkServiceAndOperationNames() throws Exception {
        refreshAt(Duration.ofMinutes(3));

        MetricSnapshots self = registry.scrape();
        for (String op : List.of(
                "DescribeLoadBalancers",
                "DescribeTags",
                "DescribeListeners",
                "DescribeTargetGroups",
                "DescribeTargetHealth")) {
            assertThat(value(
                            self,
                            "tierlens_aws_api_requests_total",
                            "service",
                            "elasticloadbalancingv2",
                            "operation",
                            op,
                            "outcome",
                            "ok"))
                    .as(op)
                    .hasValueSatisfying(v -> assertThat(v).isPositive());
        }
        assertThat(value(self, "tierlens_aws_api_requests_total", "operation", "DescribeTargetHealth", "outcome", "ok"))
                .contains(15.0);
        // Two DescribeTags calls: 5 load balancers, then 15 target groups.
        assertThat(value(self, "tierlens_aws_api_requests_total", "operation", "DescribeTags", "outcome", "ok"))
                .contains(2.0);
        assertThat(value(
                        self,
                        "tierlens_aws_api_requests_total",
                        "service",
                        "cloudwatch",
                        "operation",
                        "GetMetricData",
                        "outcome",
                        "ok"))
                .contains(1.0);
    }
}
