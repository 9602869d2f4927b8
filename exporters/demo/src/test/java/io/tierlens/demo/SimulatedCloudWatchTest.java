package io.tierlens.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.CloudWatchApi.Datapoint;
import io.tierlens.core.cloudwatch.CloudWatchApi.IdentifiedQuery;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedCloudWatchTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant START = Instant.parse("2026-01-01T11:58:00Z");
    private static final Instant END = Instant.parse("2026-01-01T12:03:00Z");
    private static final Instant GAP = Instant.parse("2026-01-01T12:00:00Z");

    /** Value = minute of the hour; no datapoint at 12:00, like an ELB counter in a quiet minute. */
    private static final SimulatedMetricSource MINUTES = new SimulatedMetricSource() {
        @Override
        public String namespace() {
            return "AWS/Test";
        }

        @Override
        public OptionalDouble value(MetricQuery query, Instant periodStart) {
            // asked at instants across each period: the whole 12:00 minute has no data
            return periodStart.getEpochSecond() / 60 == GAP.getEpochSecond() / 60
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(periodStart.getEpochSecond() / 60 % 60);
        }
    };

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SelfMetrics self = new SelfMetrics(registry);
    private final SimulatedCloudWatch cloudWatch = new SimulatedCloudWatch(List.of(MINUTES), self);

    private static MetricQuery query(String namespace, String name) {
        return new MetricQuery(namespace, name, Map.of("Id", "1"), "Sum", MINUTE, false);
    }

    @Test
    void onePointPerPeriodNewestFirstWithGapsLeftOut() {
        Map<String, List<Datapoint>> data =
                cloudWatch.getMetricData(List.of(new IdentifiedQuery("q0", query("AWS/Test", "Minute"))), START, END);

        assertThat(data.get("q0"))
                .containsExactly(
                        new Datapoint(Instant.parse("2026-01-01T12:02:00Z"), 2),
                        new Datapoint(Instant.parse("2026-01-01T12:01:00Z"), 1),
                        new Datapoint(Instant.parse("2026-01-01T11:59:00Z"), 59),
                        new Datapoint(Instant.parse("2026-01-01T11:58:00Z"), 58));
    }

    /** Sum of a count = its integral over the period; Maximum the peak; Average the mean (issue 15). */
    @Test
    void aDatapointAggregatesThePeriodByItsStatistic() {
        // a count of 120 per period in the first quarter of each minute, nothing the rest of it
        SimulatedMetricSource burst = new SimulatedMetricSource() {
            @Override
            public String namespace() {
                return "AWS/Burst";
            }

            @Override
            public OptionalDouble value(MetricQuery query, Instant at) {
                return at.getEpochSecond() % 60 < 15 ? OptionalDouble.of(120) : OptionalDouble.empty();
            }
        };
        SimulatedCloudWatch cw = new SimulatedCloudWatch(List.of(burst), self);
        Instant from = Instant.parse("2026-01-01T12:00:00Z");
        Map<String, List<Datapoint>> data = cw.getMetricData(
                List.of(
                        new IdentifiedQuery("sum", statistic("Sum")),
                        new IdentifiedQuery("max", statistic("Maximum")),
                        new IdentifiedQuery("avg", statistic("Average"))),
                from,
                from.plus(MINUTE));

        assertThat(data.get("sum")).containsExactly(new Datapoint(from, 30));
        assertThat(data.get("max")).containsExactly(new Datapoint(from, 120));
        assertThat(data.get("avg")).containsExactly(new Datapoint(from, 120));
    }

    private static MetricQuery statistic(String statistic) {
        return new MetricQuery("AWS/Burst", "Count", Map.of("Id", "1"), statistic, MINUTE, false);
    }

    @Test
    void unknownNamespaceHasNoData() {
        Map<String, List<Datapoint>> data =
                cloudWatch.getMetricData(List.of(new IdentifiedQuery("q0", query("AWS/Other", "X"))), START, END);

        assertThat(data.getOrDefault("q0", List.of())).isEmpty();
    }

    @Test
    void countsEveryCallLikeTheRealClient() {
        List<IdentifiedQuery> qs = List.of(new IdentifiedQuery("q0", query("AWS/Test", "Minute")));

        cloudWatch.getMetricData(qs, START, END);
        cloudWatch.getMetricData(qs, START, END);

        assertThat(Scraped.counter(
                        registry,
                        "tierlens_aws_api_requests_total",
                        "service",
                        "cloudwatch",
                        "operation",
                        "GetMetricData",
                        "outcome",
                        "ok"))
                .isEqualTo(2);
    }

    @Test
    void refusesWhatGetMetricDataRefuses() {
        List<IdentifiedQuery> tooMany = IntStream.range(0, 501)
                .mapToObj(i -> new IdentifiedQuery("q" + i, query("AWS/Test", "M" + i)))
                .toList();

        assertThatThrownBy(() -> cloudWatch.getMetricData(tooMany, START, END))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drivesThePlannerLikeCloudWatchDoes() throws Exception {
        MutableClock clock = MutableClock.at("2026-01-01T12:05:30Z");
        CloudWatchApi api = cloudWatch;
        CloudWatchPlanner planner = new CloudWatchPlanner(
                new CloudWatchConfig(MINUTE, Duration.ofSeconds(120), 5, 500, MINUTE), t -> api, clock, self);
        MetricQuery q = query("AWS/Test", "Minute");

        Map<MetricQuery, MetricValue> values =
                planner.fetch("test", AwsTarget.defaultCredentials("123456789012", "eu-west-1"), List.of(q));

        assertThat(values.get(q)).isEqualTo(new MetricValue(2, Instant.parse("2026-01-01T12:02:00Z"), MINUTE, false));
    }
}
