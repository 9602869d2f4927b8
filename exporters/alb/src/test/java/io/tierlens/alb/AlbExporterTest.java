package io.tierlens.alb;

import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.alb.testing.EveryMinute;
import io.tierlens.alb.testing.FakeAlbApi;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.exporter.ExporterSuite;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.inventory.DiscoveredLoadBalancer;
import io.tierlens.core.inventory.Published;
import io.tierlens.core.testing.Snapshots;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;

/** The exporter with fake AWS boundaries under the real CloudWatch planner and runner. */
class AlbExporterTest {
    private final TestEnvironment env = new TestEnvironment();
    private final TestEnvironment.Fakes<FakeAlbApi> albs = FakeAlbApi.in(env);
    private final FakeAlbApi api = albs.get();
    private final LoadBalancer lb = api.addLoadBalancer(
            "k8s-shop-web-3f9a1c2b7d", Map.of("ingress.k8s.aws/stack", "shop/web", "elbv2.k8s.aws/cluster", "prod"));
    private final TargetGroup was = api.addTargetGroup(
            "k8s-shop-was-5f6e7d8c9b",
            Map.of("ingress.k8s.aws/stack", "shop/web", "ingress.k8s.aws/resource", "shop/web-was:8080"),
            lb);

    AlbExporterTest() {
        api.setHealth(
                was,
                new TargetHealth("10.0.1.10", 8080, "healthy", ""),
                new TargetHealth("10.0.1.11", 8080, "unhealthy", "Target.Timeout"));
    }

    private static AlbConfig config() {
        return EveryMinute.of(new AlbConfig(null, null, null, null, null, null, null, null, null));
    }

    private Exporter exporter() {
        return new AlbModule().create(config(), env.environment());
    }

    /** RequestCount 600 per minute, 5xx 60, latency 0.05 s; every other query has no datapoint. */
    private void someTraffic() {
        env.cloudWatchApi.answer(q -> switch (q.metricName() + "/" + q.statistic()) {
            case "RequestCount/Sum" -> Optional.of(600.0);
            case "HTTPCode_Target_5XX_Count/Sum" -> Optional.of(60.0);
            case "TargetResponseTime/Average" -> Optional.of(0.05);
            case "HealthyHostCount/Minimum" -> Optional.of(1.0);
            default -> Optional.empty();
        });
    }

    @Test
    void eachServedRefreshPublishesTheLoadBalancersWithTheirConsumedLcus() throws Exception {
        env.cloudWatchApi.answer(q -> q.metricName().equals("ConsumedLCUs") ? Optional.of(2.5) : Optional.empty());

        exporter().refresh();

        List<Published<DiscoveredLoadBalancer>> board = env.inventory.read(DiscoveredLoadBalancer.class);
        assertThat(board).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo(TestEnvironment.TARGET.key());
            assertThat(p.items()).singleElement().satisfies(d -> {
                assertThat(d.name()).isEqualTo("k8s-shop-web-3f9a1c2b7d");
                assertThat(d.ingress()).isEqualTo("shop/web");
                assertThat(d.consumedLcus()).contains(2.5);
                assertThat(d.tags()).containsEntry("elbv2.k8s.aws/cluster", "prod");
            });
        });
    }

    @Test
    void aLoadBalancerWithoutAnLcuDatapointIsPublishedWithoutOne() throws Exception {
        env.cloudWatchApi.answer(q -> Optional.empty());

        exporter().refresh();

        assertThat(env.inventory.read(DiscoveredLoadBalancer.class).get(0).items())
                .singleElement()
                .satisfies(d -> assertThat(d.consumedLcus()).isEmpty());
    }

    @Test
    void exportsCloudWatchPerSecondZeroFilledCountsAndTargetHealth() throws Exception {
        someTraffic();

        RefreshResult r = exporter().refresh();
        MetricSnapshots out = r.data();

        assertThat(r.partialFailures()).isEmpty();
        assertThat(value(out, "tierlens_alb_requests_per_second")).contains(10.0);
        assertThat(value(out, "tierlens_alb_http_responses_per_second", "source", "target", "code_class", "5xx"))
                .contains(1.0);
        // CloudWatch omits ELB counters when nothing happened: the planner fills 0 for the newest period.
        assertThat(value(out, "tierlens_alb_http_responses_per_second", "source", "elb", "code_class", "5xx"))
                .contains(0.0);
        assertThat(value(out, "tierlens_alb_rejected_connections_per_second")).contains(0.0);
        // Not a count: no datapoint, no series.
        assertThat(value(out, "tierlens_alb_consumed_lcus")).isEmpty();
        assertThat(value(out, "tierlens_alb_target_response_time_seconds", "statistic", "average"))
                .contains(0.05);
        assertThat(value(out, "tierlens_alb_target_group_healthy_targets")).contains(1.0);
        assertThat(value(out, "tierlens_alb_target_health", "state", "unhealthy", "reason", "Target.Timeout"))
                .contains(1.0);
        assertThat(Snapshots.labels(out, "tierlens_alb_info"))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("ingress", "shop/web"));
        assertThat(Snapshots.labels(out, "tierlens_alb_target_group_info"))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .containsEntry("namespace", "shop")
                        .containsEntry("service", "was")
                        .containsEntry("port", "8080"));
        // The end of the newest complete period, 10:02 + 60 s.
        assertThat(r.dataTimestamp()).isEqualTo(TestEnvironment.NEWEST_PERIOD_START.plusSeconds(60));
        assertThat(env.cloudWatchApi.calls())
                .singleElement()
                .satisfies(req -> assertThat(req.size()).isEqualTo(20 + 12));
    }

    @Test
    void discoveryRunsOnItsIntervalAndCloudWatchAndHealthEveryRefresh() throws Exception {
        someTraffic();
        Exporter exporter = exporter();

        exporter.refresh();
        env.clock.advance(Duration.ofSeconds(60));
        exporter.refresh();
        env.clock.advance(Duration.ofSeconds(60));
        exporter.refresh();

        assertThat(api.calls("DescribeLoadBalancers")).isEqualTo(1);
        assertThat(api.calls("DescribeTargetHealth")).isEqualTo(3);
        assertThat(env.cloudWatchApi.calls()).hasSize(3);

        env.clock.advance(Duration.ofMinutes(3));
        exporter.refresh();
        assertThat(api.calls("DescribeLoadBalancers")).isEqualTo(2);
    }

    @Test
    void accessDeniedOnTargetHealthKeepsCloudWatchMetricsAndIsAPartialFailure() throws Exception {
        someTraffic();
        TargetGroup second = api.addTargetGroup("k8s-shop-nginx-0a1b2c3d4e", Map.of(), lb);
        api.fail("DescribeTargetHealth", () -> FakeAlbApi.accessDenied("DescribeTargetHealth"));

        RefreshResult r = exporter().refresh();

        assertThat(r.partialFailures()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
            // The code, not AWS's message with the principal's ARN.
            assertThat(p.message()).contains("AccessDenied (HTTP 403)").doesNotContain("arn:aws:sts");
        });
        assertThat(value(r.data(), "tierlens_alb_requests_per_second")).contains(10.0);
        assertThat(Snapshots.size(r.data(), "tierlens_alb_target_health")).isZero();
        // Denied once: the other target groups are not asked in vain.
        assertThat(api.calls("DescribeTargetHealth")).isEqualTo(1);
        assertThat(second.name()).isNotEmpty();
    }

    @Test
    void aFailingDiscoveryKeepsTheTargetsLastInventoryAndData() throws Exception {
        someTraffic();
        Exporter exporter = exporter();
        exporter.refresh();

        env.clock.advance(Duration.ofMinutes(5));
        api.fail("DescribeLoadBalancers", FakeAlbApi::throttled);
        RefreshResult r = exporter.refresh();

        assertThat(r.partialFailures())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo(FailureReason.THROTTLED));
        assertThat(value(r.data(), "tierlens_alb_requests_per_second")).contains(10.0);
        assertThat(value(r.data(), "tierlens_alb_target_health", "state", "healthy"))
                .contains(1.0);

        // A failed discovery is retried on the next refresh, not after a whole interval.
        api.heal("DescribeLoadBalancers");
        env.clock.advance(Duration.ofSeconds(60));
        assertThat(exporter.refresh().partialFailures()).isEmpty();
        assertThat(api.calls("DescribeLoadBalancers")).isEqualTo(3);
    }

    @Test
    void oneTargetFailingCompletelyIsAPartialFailureWhileTheOtherServes() throws Exception {
        someTraffic();
        AwsTarget other = AwsTarget.defaultCredentials("210987654321", "us-east-1");
        FakeAlbApi otherApi = albs.apply(other);
        otherApi.addLoadBalancer("other", Map.of());
        otherApi.fail("DescribeLoadBalancers", () -> FakeAlbApi.accessDenied("DescribeLoadBalancers"));
        Exporter exporter = new AlbModule().create(config(), env.environment(List.of(TestEnvironment.TARGET, other)));

        RefreshResult r = exporter.refresh();

        assertThat(r.partialFailures()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
            assertThat(p.message()).contains("account=210987654321 region=us-east-1");
        });
        assertThat(Snapshots.labels(r.data(), "tierlens_alb_info"))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("account_id", "123456789012"));
    }

    @Test
    void everythingFailingThrowsSoTheRunnerKeepsTheLastGoodSnapshot() throws Exception {
        someTraffic();
        Exporter exporter = exporter();
        ExporterRunner runner = new ExporterRunner(exporter, env.self, env.clock, 50_000);
        ExporterSuite suite = new ExporterSuite(List.of(runner), env.clock);
        runner.refreshOnce();
        MetricSnapshots good = runner.state().lastGood().orElseThrow();

        env.clock.advance(Duration.ofSeconds(60));
        env.cloudWatchApi.fail(() -> CloudWatchException.builder()
                .statusCode(400)
                .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("Throttling").build())
                .message("Rate exceeded")
                .build());
        api.fail("DescribeTargetHealth", FakeAlbApi::throttled);
        assertThatThrownBy(exporter::refresh)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.THROTTLED));
        runner.refreshOnce();

        assertThat(runner.state().up()).isFalse();
        assertThat(runner.state().lastGood()).containsSame(good);
        assertThat(runner.servable()).isSameAs(good);
        assertThat(value(suite.collect(), "tierlens_exporter_up", "exporter", "alb"))
                .contains(0.0);
        assertThat(value(
                        env.registry.scrape(),
                        "tierlens_refresh_errors_total",
                        "exporter",
                        "alb",
                        "target",
                        "123456789012/eu-west-1",
                        "reason",
                        "throttled"))
                // each failed part of the target counts: CloudWatch and DescribeTargetHealth
                .contains(2.0);
    }

    @Test
    void aThrowingClientKeepsLastGoodDataThroughTheRunnerAndCountsTheError() {
        someTraffic();
        ExporterRunner runner = new ExporterRunner(exporter(), env.self, env.clock, 50_000);
        runner.refreshOnce();
        assertThat(runner.state().up()).isTrue();

        // Discovery is due again and every ELBv2 call and CloudWatch fail.
        env.clock.advance(Duration.ofMinutes(5));
        api.fail("DescribeLoadBalancers", () -> new IllegalStateException("boom"));
        api.fail("DescribeTargetHealth", () -> new IllegalStateException("boom"));
        env.cloudWatchApi.fail(() -> new IllegalStateException("boom"));
        runner.refreshOnce();

        assertThat(runner.state().up()).isFalse();
        assertThat(value(runner.servable(), "tierlens_alb_requests_per_second")).contains(10.0);
        assertThat(value(
                        env.registry.scrape(),
                        "tierlens_refresh_errors_total",
                        "exporter",
                        "alb",
                        "target",
                        "123456789012/eu-west-1",
                        "reason",
                        "internal"))
                // each failed part of the target counts: discovery, CloudWatch and DescribeTargetHealth
                .contains(3.0);
    }

    @Test
    void keptDataExpiresAfterMaxStaleness() throws Exception {
        someTraffic();
        AwsTarget other = AwsTarget.defaultCredentials("210987654321", "us-east-1");
        albs.apply(other).addLoadBalancer("other", Map.of());
        Exporter exporter = new AlbModule().create(config(), env.environment(List.of(TestEnvironment.TARGET, other)));
        exporter.refresh();

        // The first target stops answering anything; the other keeps working.
        api.fail("DescribeLoadBalancers", FakeAlbApi::throttled);
        api.fail("DescribeTargetHealth", FakeAlbApi::throttled);
        env.cloudWatchApi.answer((MetricQuery q, java.time.Instant end) -> {
            if (q.dimensions().getOrDefault("LoadBalancer", "").contains("/" + lb.name() + "/")) {
                throw new IllegalStateException("no data for the first target");
            }
            return List.of();
        });
        env.clock.advance(Duration.ofMinutes(5));
        assertThat(Snapshots.size(exporter.refresh().data(), "tierlens_alb_info"))
                .isEqualTo(2);

        env.clock.advance(Duration.ofMinutes(6));
        RefreshResult late = exporter.refresh();

        assertThat(Snapshots.labels(late.data(), "tierlens_alb_info"))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("account_id", "210987654321"));
    }

    @Test
    void withNothingToAskItStillJoinsTheCloudWatchRoundSoOtherExportersDoNotWait() throws Exception {
        TestEnvironment slowGather = new TestEnvironment(Duration.ofSeconds(30));
        slowGather.planner.expect("rds", TestEnvironment.TARGET);
        AlbConfig onlyProd =
                EveryMinute.of(new AlbConfig(null, null, null, null, Map.of("env", "prod"), null, null, null, null));
        FakeAlbApi.in(slowGather).get().addLoadBalancer("dev", Map.of("env", "dev"));
        Exporter exporter = new AlbModule().create(onlyProd, slowGather.environment());
        MetricQuery rdsQuery = new MetricQuery(
                "AWS/RDS",
                "CPUUtilization",
                Map.of("DBInstanceIdentifier", "db-1"),
                "Average",
                Duration.ofSeconds(60),
                false);

        assertThat(exporter.refresh().data()).isEmpty();
        long start = System.nanoTime();
        slowGather.planner.fetch("rds", TestEnvironment.TARGET, List.of(rdsQuery));

        // The round was complete when rds arrived: no 30 s wait for the ALB exporter.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(slowGather.cloudWatchApi.calls())
                .singleElement()
                .satisfies(r -> assertThat(r.size()).isEqualTo(1));
    }

    @Test
    void withoutLoadBalancersTheRefreshSucceedsEmpty() throws Exception {
        FakeAlbApi emptyApi = new FakeAlbApi();
        Exporter exporter = new AlbExporter(config(), env.environment(), t -> emptyApi);

        RefreshResult r = exporter.refresh();

        assertThat(r.data()).isEmpty();
        assertThat(r.dataTimestamp()).isEqualTo(TestEnvironment.START);
        assertThat(env.cloudWatchApi.calls()).isEmpty();
    }
}
