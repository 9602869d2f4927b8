package io.tierlens.rds;

import static io.tierlens.rds.testing.FakeRdsApi.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.PlannedCalls;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.FakeCloudWatchApi;
import io.tierlens.core.testing.TestEnvironment;
import io.tierlens.rds.testing.EveryMinute;
import io.tierlens.rds.testing.FakeRdsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * RDS queries ride in the same GetMetricData calls as another exporter's queries of the same (account, region).
 * The other exporter here stands in for the ALB exporter: 10 load balancers × 3 target groups with the ALB
 * exporter's default set, 520 queries (its own tests prove that count; this module must not depend on it).
 */
class PlannerSharingTest {
    private static final int ALB_QUERIES = 520;

    private static List<MetricQuery> albLike(int n) {
        List<MetricQuery> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MetricQuery(
                    "AWS/ApplicationELB",
                    "RequestCount",
                    Map.of("LoadBalancer", "app/alb-" + i + "/0123456789abcdef"),
                    "Sum",
                    Duration.ofSeconds(60),
                    true));
        }
        return out;
    }

    @Test
    void tenRdsInstancesAndTenAlbsShareCeilOfQOver500Calls() throws Exception {
        TestEnvironment env = new TestEnvironment(Duration.ofSeconds(30));
        FakeRdsApi api = FakeRdsApi.in(env).get();
        for (int i = 1; i <= 10; i++) {
            api.instances.add(instance("db-" + i).build());
        }
        env.planner.expect("alb", TestEnvironment.TARGET);
        RdsExporter rds = (RdsExporter) new RdsModule().create(EveryMinute.config(), env.environment());

        // The "ALB" exporter submits first and waits for RDS; RDS's submission completes the round.
        CompletableFuture<Integer> alb = CompletableFuture.supplyAsync(() -> {
            try {
                return env.planner
                        .fetch("alb", TestEnvironment.TARGET, albLike(ALB_QUERIES))
                        .size();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (env.cloudWatchApi.calls().isEmpty() && !alb.isDone()) {
            rds.refresh();
        }
        alb.get();

        int combined = ALB_QUERIES + 10 * 13;
        List<FakeCloudWatchApi.Call> calls = env.cloudWatchApi.calls();
        assertThat(calls).hasSize((combined + 499) / 500).hasSize(2);
        assertThat(calls.stream().mapToInt(FakeCloudWatchApi.Call::size).sum()).isEqualTo(650);
        assertThat(PlannedCalls.pack(albLike(ALB_QUERIES), 500).calls()).hasSize(2);
    }

    @Test
    void anRdsExporterWithoutInstancesDoesNotHoldTheOthersUp() throws Exception {
        // A gather window of an hour: if the empty RDS submission did not count, the "ALB" fetch would hang.
        TestEnvironment env = new TestEnvironment(Duration.ofHours(1));
        FakeRdsApi.in(env);
        env.planner.expect("alb", TestEnvironment.TARGET);
        RdsExporter rds = (RdsExporter) new RdsModule().create(EveryMinute.config(), env.environment());

        rds.refresh();
        assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> env.planner.fetch("alb", TestEnvironment.TARGET, albLike(3)));

        assertThat(env.cloudWatchApi.calls())
                .singleElement()
                .satisfies(r -> assertThat(r.size()).isEqualTo(3));
    }

    @Test
    void anRdsExporterWhoseDiscoveryIsDeniedDoesNotHoldTheAlbExporterUp() throws Exception {
        // An hour's gather window: if the RDS exporter did not join the round, the "ALB" fetch would wait it out.
        TestEnvironment env = new TestEnvironment(Duration.ofHours(1));
        FakeRdsApi api = FakeRdsApi.in(env).get();
        api.instances.add(instance("db-1").build());
        api.fail("DescribeDBInstances", PlannerSharingTest::accessDenied);
        env.planner.expect("alb", TestEnvironment.TARGET);
        RdsExporter rds = (RdsExporter) new RdsModule().create(RdsConfig.defaults(), env.environment());

        // The "ALB" exporter's refresh opens the round and waits for RDS, as when both refresh at the same time.
        CompletableFuture<Integer> alb = CompletableFuture.supplyAsync(() -> {
            try {
                return env.planner
                        .fetch("alb", TestEnvironment.TARGET, albLike(3))
                        .size();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(rds::refresh)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED));

        // Zero-filled ELB counts: the round ran and answered every query.
        assertThat(alb.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(env.cloudWatchApi.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.size()).isEqualTo(3));
    }

    private static RuntimeException accessDenied() {
        return AwsServiceException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .errorMessage("User: arn:aws:sts::123456789012:assumed-role/tierlens/x is not authorized")
                        .build())
                .build();
    }
}
