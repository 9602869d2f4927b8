package io.tierlens.demo;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.MetricQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@link CloudWatchApi} for the demo: datapoints come from the {@link SimulatedMetricSource}s of each namespace,
 * one per period in the requested window, newest first, exactly the shape the real API returns.
 */
public final class SimulatedCloudWatch implements CloudWatchApi {
    private final Map<String, SimulatedMetricSource> sources = new HashMap<>();
    private final ApiCallRecorder recorder;

    public SimulatedCloudWatch(List<SimulatedMetricSource> sources, ApiCallRecorder recorder) {
        sources.forEach(s -> this.sources.put(s.namespace(), s));
        this.recorder = recorder;
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
                    OptionalDouble v = source.value(q, t);
                    if (v.isPresent()) {
                        points.add(new Datapoint(t, v.getAsDouble()));
                    }
                }
            }
            out.put(iq.id(), points);
        }
        return out;
    }
}
