package io.tierlens.demo;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.MetricQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@link CloudWatchApi} for the demo: datapoints come from the {@link SimulatedMetricSource}s of each namespace,
 * one per period in the requested window, newest first, exactly the shape the real API returns.
 *
 * <p>A datapoint is the scenario <em>over its period</em>, as CloudWatch aggregates the samples it received: the
 * source is asked at instants spread evenly over the period (at most {@link #MAX_SAMPLE_SPACING} of scenario time
 * apart), and the answers are combined by the query's statistic ({@link PeriodAggregate}). Sampling only the period's
 * start made a datapoint at {@code --speed 30} (one 60 s period = one 30-minute cycle) show one fixed instant of
 * the cycle, chosen by the second the demo was launched in: the 5xx burst was there in every period, or never.
 */
public final class SimulatedCloudWatch implements CloudWatchApi {
    /** Scenario time between two samples of a period: the scenario's shortest event (a burst edge) is minutes. */
    static final Duration MAX_SAMPLE_SPACING = Duration.ofSeconds(30);

    /** Even at speed 1 a period is sampled this often, so an event starting mid-period shows in that period. */
    static final int MIN_SAMPLES = 12;

    private static final int MAX_SAMPLES = 240;

    private final Map<String, SimulatedMetricSource> sources = new HashMap<>();
    private final ApiCallRecorder recorder;
    private final double speed;

    /** A CloudWatch whose scenario runs at real time (speed 1). */
    public SimulatedCloudWatch(List<SimulatedMetricSource> sources, ApiCallRecorder recorder) {
        this(sources, recorder, 1);
    }

    /** @param speed the scenario's speed: a period spans {@code speed} times as much scenario time */
    public SimulatedCloudWatch(List<SimulatedMetricSource> sources, ApiCallRecorder recorder, double speed) {
        sources.forEach(s -> this.sources.put(s.namespace(), s));
        this.recorder = recorder;
        this.speed = speed;
    }

    @Override
    public Map<String, List<Datapoint>> getMetricData(List<IdentifiedQuery> queries, Instant start, Instant end) {
        if (queries.size() > 500) {
            throw new IllegalArgumentException("GetMetricData accepts at most 500 queries, got " + queries.size());
        }
        recorder.recordRequest("cloudwatch", "GetMetricData", ApiOutcome.OK);
        Map<String, List<Datapoint>> out = new HashMap<>();
        for (IdentifiedQuery iq : queries) {
            MetricQuery q = iq.query();
            SimulatedMetricSource source = sources.get(q.namespace());
            List<Datapoint> points = new ArrayList<>();
            if (source != null) {
                for (Instant t = end.minus(q.period()); !t.isBefore(start); t = t.minus(q.period())) {
                    OptionalDouble v = overPeriod(source, q, t);
                    if (v.isPresent()) {
                        points.add(new Datapoint(t, v.getAsDouble()));
                    }
                }
            }
            out.put(iq.id(), points);
        }
        return out;
    }

    /** The statistic over the period starting at {@code periodStart}, from samples spread over the period. */
    private OptionalDouble overPeriod(SimulatedMetricSource source, MetricQuery q, Instant periodStart) {
        int n = samples(q.period(), speed);
        long stepMillis = q.period().toMillis() / n;
        PeriodAggregate aggregate = new PeriodAggregate(q.statistic(), n);
        for (int i = 0; i < n; i++) {
            aggregate.add(source.value(q, periodStart.plusMillis(i * stepMillis)));
        }
        return aggregate.result();
    }

    /** How many instants of a period to sample: at most {@link #MAX_SAMPLE_SPACING} of scenario time apart. */
    static int samples(Duration period, double speed) {
        double scenarioMillis = period.toMillis() * speed;
        int n = (int) Math.ceil(scenarioMillis / MAX_SAMPLE_SPACING.toMillis());
        return Math.max(MIN_SAMPLES, Math.min(MAX_SAMPLES, n));
    }
}
