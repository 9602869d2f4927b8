package io.tierlens.core.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.SdkCloudWatchApi.UncheckedExporterException;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.FakeCloudWatchApi;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;

class CloudWatchPlannerTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final AwsTarget TARGET = AwsTarget.defaultCredentials("123456789012", "eu-west-1");
    // now 12:05:30, delay 120s, 5 periods of 60s: window [11:58, 12:03), newest complete period 12:02
    private static final Instant NEWEST = Instant.parse("2026-01-01T12:02:00Z");

    private final MutableClock clock = MutableClock.at("2026-01-01T12:05:30Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SelfMetrics self = new SelfMetrics(registry);
    private final FakeCloudWatchApi cloudWatch = new FakeCloudWatchApi();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    private CloudWatchPlanner planner(Duration gatherWindow) {
        return new CloudWatchPlanner(
                new CloudWatchConfig(MINUTE, Duration.ofSeconds(120), 5, 500, gatherWindow),
                t -> cloudWatch,
                clock,
                self);
    }

    private static MetricQuery counter(String lb) {
        return new MetricQuery("AWS/ApplicationELB", "RequestCount", Map.of("LoadBalancer", lb), "Sum", MINUTE, true);
    }

    private static MetricQuery gauge(String db) {
        return new MetricQuery(
                "AWS/RDS", "FreeableMemory", Map.of("DBInstanceIdentifier", db), "Minimum", MINUTE, false);
    }

    private static CloudWatchException awsError(int status, String code) {
        return (CloudWatchException) CloudWatchException.builder()
                .statusCode(status)
                .message(code)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .serviceName("CloudWatch")
                        .build())
                .build();
    }

    @Test
    void returnsTheNewestCompleteDatapointOverAnAlignedWindow() throws Exception {
        MetricQuery q = gauge("db1");
        cloudWatch
                .put(q, NEWEST.minus(MINUTE.multipliedBy(2)), 1)
                .put(q, NEWEST.minus(MINUTE), 2)
                .put(q, NEWEST, 3);
        // still settling, must not be used
        cloudWatch.put(q, NEWEST.plus(MINUTE), 4);

        Map<MetricQuery, MetricValue> values = planner(MINUTE).fetch("rds", TARGET, List.of(q));

        assertThat(values).containsOnlyKeys(q);
        assertThat(values.get(q)).isEqualTo(new MetricValue(3, NEWEST, MINUTE, false));
        assertThat(cloudWatch.calls()).singleElement().satisfies(call -> {
            assertThat(call.start()).isEqualTo("2026-01-01T11:58:00Z");
            assertThat(call.end()).isEqualTo("2026-01-01T12:03:00Z");
        });
    }

    @Test
    void sumsBecomePerSecondRates() throws Exception {
        MetricQuery q = counter("app/lb/1");
        cloudWatch.put(q, NEWEST, 600);

        MetricValue v = planner(MINUTE).fetch("alb", TARGET, List.of(q)).get(q);

        assertThat(v.perSecond()).isEqualTo(10.0);
        assertThat(v.periodEnd()).isEqualTo("2026-01-01T12:03:00Z");
    }

    @Test
    void zeroFillsACounterWhoseNewestPeriodIsMissing() throws Exception {
        MetricQuery older = counter("app/lb/older");
        MetricQuery none = counter("app/lb/none");
        cloudWatch.put(older, NEWEST.minus(MINUTE.multipliedBy(3)), 42);

        Map<MetricQuery, MetricValue> values = planner(MINUTE).fetch("alb", TARGET, List.of(older, none));

        assertThat(values.get(older)).isEqualTo(new MetricValue(0, NEWEST, MINUTE, true));
        assertThat(values.get(none)).isEqualTo(new MetricValue(0, NEWEST, MINUTE, true));
    }

    @Test
    void gaugeWithoutDataHasNoValue() throws Exception {
        MetricQuery empty = gauge("db-empty");
        MetricQuery older = gauge("db-older");
        cloudWatch.put(older, NEWEST.minus(MINUTE.multipliedBy(2)), 7);

        Map<MetricQuery, MetricValue> values = planner(MINUTE).fetch("rds", TARGET, List.of(empty, older));

        assertThat(values).doesNotContainKey(empty);
        // A gauge keeps its newest complete value even if that period is not the newest one; its age shows it.
        assertThat(values.get(older))
                .isEqualTo(new MetricValue(7, NEWEST.minus(MINUTE.multipliedBy(2)), MINUTE, false));
    }

    @Test
    void twoExportersOnOneTargetShareOneCall() throws Exception {
        CloudWatchPlanner planner = planner(Duration.ofSeconds(60));
        planner.expect("alb", TARGET);
        planner.expect("cost", TARGET);
        MetricQuery albOnly = counter("app/lb/1");
        MetricQuery shared = counter("app/lb/shared");
        MetricQuery costOnly = gauge("db1");
        cloudWatch.put(albOnly, NEWEST, 60).put(shared, NEWEST, 120).put(costOnly, NEWEST, 5);

        Future<Map<MetricQuery, MetricValue>> alb =
                pool.submit(() -> planner.fetch("alb", TARGET, List.of(albOnly, shared)));
        Future<Map<MetricQuery, MetricValue>> cost =
                pool.submit(() -> planner.fetch("cost", TARGET, List.of(shared, costOnly)));

        assertThat(alb.get(30, TimeUnit.SECONDS)).containsOnlyKeys(albOnly, shared);
        assertThat(cost.get(30, TimeUnit.SECONDS)).containsOnlyKeys(shared, costOnly);
        assertThat(cost.get().get(shared).value()).isEqualTo(120);
        assertThat(cloudWatch.calls())
                .singleElement()
                .satisfies(
                        call -> assertThat(call.metricQueries()).containsExactlyInAnyOrder(albOnly, shared, costOnly));
        // Billing counts the shared metric once, for whichever exporter asked first.
        double alb1 = Scraped.counter(registry, "tierlens_cloudwatch_metrics_requested_total", "exporter", "alb");
        double cost1 = Scraped.counter(registry, "tierlens_cloudwatch_metrics_requested_total", "exporter", "cost");
        assertThat(alb1 + cost1).isEqualTo(3);
        assertThat(alb1).isIn(1.0, 2.0);
        assertThat(Scraped.counter(registry, "tierlens_aws_api_cost_usd_total", "service", "cloudwatch"))
                .isCloseTo(3 * PlannedCalls.USD_PER_METRIC, within(1e-12));
    }

    @Test
    void gatherWindowLetsOneExporterProceedWhenTheOtherNeverComes() throws Exception {
        CloudWatchPlanner planner = planner(Duration.ofMillis(50));
        planner.expect("alb", TARGET);
        planner.expect("cost", TARGET);
        MetricQuery q = counter("app/lb/1");
        cloudWatch.put(q, NEWEST, 60);

        Map<MetricQuery, MetricValue> values =
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> planner.fetch("alb", TARGET, List.of(q)));

        assertThat(values.get(q).value()).isEqualTo(60);
        assertThat(cloudWatch.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.metricQueries()).containsExactly(q));
    }

    @Test
    void anExporterNobodyWaitsForRunsAtOnce() {
        CloudWatchPlanner planner = planner(Duration.ofHours(1));
        MetricQuery q = counter("app/lb/1");

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> planner.fetch("alb", TARGET, List.of(q)));
        assertThat(cloudWatch.calls()).hasSize(1);
    }

    @Test
    void noQueriesNoCall() throws Exception {
        assertThat(planner(MINUTE).fetch("alb", TARGET, List.of())).isEmpty();
        assertThat(cloudWatch.calls()).isEmpty();
    }

    @Test
    void targetsDoNotShareCalls() throws Exception {
        AwsTarget other = TARGET.inRegion("us-east-1");
        Map<AwsTarget, FakeCloudWatchApi> apis = new HashMap<>();
        CloudWatchPlanner planner = new CloudWatchPlanner(
                new CloudWatchConfig(MINUTE, Duration.ofSeconds(120), 5, 500, MINUTE),
                t -> apis.computeIfAbsent(t, k -> new FakeCloudWatchApi()),
                clock,
                self);

        planner.fetch("alb", TARGET, List.of(counter("a")));
        planner.fetch("alb", other, List.of(counter("a")));

        assertThat(apis).hasSize(2);
        assertThat(apis.values()).allSatisfy(api -> assertThat(api.calls()).hasSize(1));
    }

    @Test
    void manyQueriesAreSplitIntoValidCallsAndCountedExactly() throws Exception {
        List<MetricQuery> qs = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            qs.add(counter("app/lb/" + i));
        }
        qs.add(new MetricQuery("AWS/RDS", "CPUUtilization", Map.of(), "Average", Duration.ofMinutes(5), false));

        Map<MetricQuery, MetricValue> values = planner(MINUTE).fetch("alb", TARGET, qs);

        assertThat(cloudWatch.calls()).extracting(c -> c.queries().size()).containsExactlyInAnyOrder(500, 1, 1);
        assertThat(values).hasSize(501); // the counters are zero-filled, the 5-minute gauge has no data
        FakeCloudWatchApi.Call fiveMinute = cloudWatch.calls().stream()
                .filter(c -> c.metricQueries().get(0).period().equals(Duration.ofMinutes(5)))
                .findFirst()
                .orElseThrow();
        assertThat(fiveMinute.end()).isEqualTo("2026-01-01T12:00:00Z");
        assertThat(Scraped.counter(registry, "tierlens_cloudwatch_metrics_requested_total", "exporter", "alb"))
                .isEqualTo(502);
        assertThat(Scraped.counter(registry, "tierlens_aws_api_cost_usd_total", "service", "cloudwatch"))
                .isCloseTo(502 * PlannedCalls.USD_PER_METRIC, within(1e-12));
    }

    @Test
    void countersAddUpOverRefreshes() throws Exception {
        CloudWatchPlanner planner = planner(MINUTE);
        List<MetricQuery> qs = List.of(counter("a"), counter("b"));

        planner.fetch("alb", TARGET, qs);
        clock.advance(MINUTE);
        planner.fetch("alb", TARGET, qs);

        assertThat(Scraped.counter(registry, "tierlens_cloudwatch_metrics_requested_total", "exporter", "alb"))
                .isEqualTo(4);
        assertThat(cloudWatch.calls().get(1).end())
                .isEqualTo(cloudWatch.calls().get(0).end().plus(MINUTE));
    }

    @Test
    void throttledCallThrowsWithReasonThrottled() {
        cloudWatch.failWith(awsError(400, "Throttling"));

        assertThatThrownBy(() -> planner(MINUTE).fetch("alb", TARGET, List.of(counter("a"))))
                .isInstanceOfSatisfying(
                        CloudWatchFetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.THROTTLED))
                .hasMessageContaining("GetMetricData failed")
                .hasMessageContaining("region=eu-west-1");
    }

    @Test
    void forbiddenCallThrowsWithReasonAccessDenied() {
        cloudWatch.failWith(awsError(403, "AccessDenied"));

        assertThatThrownBy(() -> planner(MINUTE).fetch("alb", TARGET, List.of(counter("a"))))
                .isInstanceOfSatisfying(
                        CloudWatchFetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED));
    }

    @Test
    void forbiddenQueryResultThrowsWithReasonAccessDenied() {
        // what SdkCloudWatchApi throws when a result comes back with StatusCode Forbidden
        cloudWatch.failWith(new UncheckedExporterException(
                new ExporterException(FailureReason.ACCESS_DENIED, "GetMetricData returned Forbidden")));

        assertThatThrownBy(() -> planner(MINUTE).fetch("alb", TARGET, List.of(counter("a"))))
                .isInstanceOfSatisfying(
                        CloudWatchFetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED));
    }

    @Test
    void failedCallsCostNothingAndCountNoMetrics() {
        cloudWatch.failWith(awsError(400, "Throttling"));

        assertThatThrownBy(() -> planner(MINUTE).fetch("alb", TARGET, List.of(counter("a"), counter("b"))))
                .isInstanceOf(CloudWatchFetchException.class);

        assertThat(Scraped.counter(registry, "tierlens_cloudwatch_metrics_requested_total", "exporter", "alb"))
                .isZero();
        assertThat(Scraped.counter(registry, "tierlens_aws_api_cost_usd_total", "service", "cloudwatch"))
                .isZero();
    }

    @Test
    void aSharedFailedCallFailsEveryExporterInIt() throws Exception {
        CloudWatchPlanner planner = planner(Duration.ofSeconds(60));
        planner.expect("alb", TARGET);
        planner.expect("cost", TARGET);
        cloudWatch.failWith(awsError(400, "Throttling"));

        Future<?> alb = pool.submit(() -> planner.fetch("alb", TARGET, List.of(counter("a"))));
        Future<?> cost = pool.submit(() -> planner.fetch("cost", TARGET, List.of(counter("b"))));

        for (Future<?> f : List.of(alb, cost)) {
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                            CloudWatchFetchException.class,
                            e -> assertThat(e.reason()).isEqualTo("throttled"));
        }
        assertThat(cloudWatch.calls()).hasSize(1);
    }

    @Test
    void anErrorInASharedRoundDoesNotLeaveTheOtherExporterWaitingForever() throws Exception {
        // A class missing from a slim jar surfaces as NoClassDefFoundError on the first GetMetricData.
        CloudWatchApi broken = (queries, start, end) -> {
            throw new NoClassDefFoundError("software/amazon/awssdk/protocols/rpcv2cbor/Missing");
        };
        CloudWatchPlanner planner = new CloudWatchPlanner(
                new CloudWatchConfig(MINUTE, Duration.ofSeconds(120), 5, 500, Duration.ofSeconds(60)),
                t -> broken,
                clock,
                self);
        planner.expect("alb", TARGET);
        planner.expect("cost", TARGET);

        Future<?> alb = pool.submit(() -> planner.fetch("alb", TARGET, List.of(counter("a"))));
        Future<?> cost = pool.submit(() -> planner.fetch("cost", TARGET, List.of(counter("b"))));

        for (Future<?> f : List.of(alb, cost)) {
            // Both must end (with a failure); 30s only bounds a hang, it is not a performance assertion.
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(java.util.concurrent.ExecutionException.class)
                    .satisfies(e -> assertThat(FailureReason.of(e.getCause())).isEqualTo(FailureReason.INTERNAL));
        }
    }
}
