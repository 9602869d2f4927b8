package io.tierlens.rds;

import static io.tierlens.rds.testing.FakeRdsApi.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.PlannedCalls;
import io.tierlens.rds.testing.EveryMinute;
import io.tierlens.rds.testing.FakeCloudWatchApi;
import io.tierlens.rds.testing.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

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
        for (int i = 1; i <= 10; i++) {
            env.rds().instances.add(instance("db-" + i).build());
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
        while (env.cloudWatchApi.requests().isEmpty() && !alb.isDone()) {
            rds.refresh();
        }
        alb.get();

        int combined = ALB_QUERIES + 10 * 13;
        List<FakeCloudWatchApi.Request> calls = env.cloudWatchApi.requests();
        assertThat(calls).hasSize((combined + 499) / 500).hasSize(2);
        assertThat(calls.stream().mapToInt(FakeCloudWatchApi.Request::queries).sum())
                .isEqualTo(650);
        assertThat(PlannedCalls.pack(albLike(ALB_QUERIES), 500).calls()).hasSize(2);
    }

    @Test
    void anRdsExporterWithoutInstancesDoesNotHoldTheOthersUp() throws Exception {
        // A gather window of an hour: if the empty RDS submission did not count, the "ALB" fetch would hang.
        TestEnvironment env = new TestEnvironment(Duration.ofHours(1));
        env.planner.expect("alb", TestEnvironment.TARGET);
        RdsExporter rds = (RdsExporter) new RdsModule().create(EveryMinute.config(), env.environment());

        rds.refresh();
        assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> env.planner.fetch("alb", TestEnvironment.TARGET, albLike(3)));

        assertThat(env.cloudWatchApi.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.queries()).isEqualTo(3));
    }
}
