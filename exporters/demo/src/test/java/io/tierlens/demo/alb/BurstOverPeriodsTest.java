package io.tierlens.demo.alb;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.cloudwatch.CloudWatchApi.Datapoint;
import io.tierlens.core.cloudwatch.CloudWatchApi.IdentifiedQuery;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedCloudWatch;
import io.tierlens.demo.alb.SimulatedEstate.SimLoadBalancer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15: a CloudWatch datapoint of the demo is the scenario over its whole period, so the 5xx burst shows in
 * every period that overlaps it, at any {@code --speed} and whatever second the demo was launched in; a period that
 * does not overlap it has no 5xx at all.
 */
class BurstOverPeriodsTest {
    private static final Duration PERIOD = Duration.ofMinutes(1);
    /** A full minute of real time: CloudWatch periods start on it. */
    private static final Instant MINUTE = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest(name = "speed {0}, launched {1} s after a full minute")
    @CsvSource({
        "1, 0", "1, 17", "1, 42", "1, 59", "30, 0", "30, 7", "30, 20", "30, 33", "30, 51", "60, 0", "60, 13", "60, 29",
        "60, 44"
    })
    void everyPeriodOverlappingTheBurstHas5xxAndNoOtherPeriodHasAny(double speed, int launchSecond) {
        Instant start = MINUTE.plusSeconds(launchSecond);
        Scenario scenario = new Scenario(new MutableClock(start), start, speed, 2);
        SimulatedEstate estate = SimulatedEstate.of(2);
        AlbMetricSource source = new AlbMetricSource(estate, new SimulatedTraffic(scenario));
        SimulatedCloudWatch cloudWatch =
                new SimulatedCloudWatch(List.of(source), new SelfMetrics(new PrometheusRegistry()), speed);
        SimLoadBalancer shop = estate.loadBalancers().get(0);
        MetricQuery fiveXx = new MetricQuery(
                "AWS/ApplicationELB",
                "HTTPCode_Target_5XX_Count",
                Map.of("LoadBalancer", shop.dimension()),
                "Sum",
                PERIOD,
                false);

        // two cycles of periods after the launch, at least three periods
        long periods = Math.max(3, (long) Math.ceil(2 * Scenario.CYCLE.toMillis() / (PERIOD.toMillis() * speed)));
        Instant first = MINUTE.plus(PERIOD);
        Instant end = first.plus(PERIOD.multipliedBy(periods));
        List<Datapoint> points = cloudWatch
                .getMetricData(List.of(new IdentifiedQuery("q", fiveXx)), first, end)
                .get("q");

        List<String> wrong = new ArrayList<>();
        int withBurst = 0;
        for (Instant p = first; p.isBefore(end); p = p.plus(PERIOD)) {
            Duration overlap = burstOverlap(scenario, p, p.plus(PERIOD));
            Instant at = p;
            double value = points.stream()
                    .filter(d -> d.timestamp().equals(at))
                    .mapToDouble(Datapoint::value)
                    .findFirst()
                    .orElse(0);
            // at least a scenario minute of burst: two samples or more fall into it
            if (overlap.compareTo(Duration.ofMinutes(1)) >= 0) {
                withBurst++;
                if (value <= 0) {
                    wrong.add(p + ": " + overlap.toSeconds() + " scenario s of burst, no 5xx");
                }
            } else if (overlap.isZero() && value != 0) {
                wrong.add(p + ": no burst, " + value + " 5xx");
            }
        }
        assertThat(withBurst)
                .as("periods overlapping the burst by a scenario minute")
                .isPositive();
        assertThat(wrong).isEmpty();
    }

    /** Scenario time of the burst inside the real interval [from, to), measured at 100 ms steps. */
    private static Duration burstOverlap(Scenario scenario, Instant from, Instant to) {
        long seconds = 0;
        long stepMillis = 100;
        for (Instant t = from; t.isBefore(to); t = t.plusMillis(stepMillis)) {
            if (scenario.errorBurst(t)) {
                seconds += stepMillis;
            }
        }
        return Duration.ofMillis((long) (seconds * scenario.speed()));
    }
}
