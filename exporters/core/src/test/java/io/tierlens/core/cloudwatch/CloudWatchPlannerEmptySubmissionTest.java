package io.tierlens.core.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An exporter that has nothing to ask this refresh (its filter matches no resource) still joins the round, so
 * the other exporters of the target do not wait the gather window for it.
 */
class CloudWatchPlannerEmptySubmissionTest {
    private static final AwsTarget TARGET = AwsTarget.defaultCredentials("123456789012", "eu-west-1");

    @Test
    void anEmptySubmissionCompletesTheRoundForTheOthers() throws Exception {
        List<Integer> calls = new ArrayList<>();
        CloudWatchApi api = (queries, start, end) -> {
            synchronized (calls) {
                calls.add(queries.size());
            }
            return Map.of();
        };
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:05:30Z"), ZoneOffset.UTC);
        CloudWatchPlanner planner = new CloudWatchPlanner(
                new CloudWatchConfig(null, null, null, null, Duration.ofSeconds(30)),
                t -> api,
                clock,
                new SelfMetrics(new PrometheusRegistry()));
        planner.expect("rds", TARGET);
        planner.expect("alb", TARGET);
        MetricQuery q = new MetricQuery(
                "AWS/RDS",
                "CPUUtilization",
                Map.of("DBInstanceIdentifier", "db-1"),
                "Average",
                Duration.ofSeconds(60),
                false);

        CompletableFuture<Map<MetricQuery, MetricValue>> rds = CompletableFuture.supplyAsync(() -> {
            try {
                return planner.fetch("rds", TARGET, List.of(q));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Give rds time to open the round, then alb joins with nothing to ask.
        Thread.sleep(200);
        assertThat(planner.fetch("alb", TARGET, List.of())).isEmpty();

        // Well within the 30 s gather window: the round ran as soon as alb joined.
        assertThat(rds.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(calls).containsExactly(1);
    }
}
