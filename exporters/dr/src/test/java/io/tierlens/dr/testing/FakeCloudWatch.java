package io.tierlens.dr.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CloudWatch for tests: a value per HealthCheckId answered at the newest period of the requested window; records
 * every (target region) it was asked in, and can be told to fail.
 */
public final class FakeCloudWatch implements CloudWatchApi {
    public final Map<String, Double> healthCheckStatus = new HashMap<>();
    public final List<String> regionsAsked = new CopyOnWriteArrayList<>();
    public RuntimeException failure;
    private String region = "";

    /** A planner over this fake with default settings. */
    public CloudWatchPlanner planner(Clock clock) {
        return new CloudWatchPlanner(
                new CloudWatchConfig(null, null, null, null, null),
                t -> {
                    region = t.region();
                    return this;
                },
                clock,
                new SelfMetrics(new PrometheusRegistry()));
    }

    @Override
    public Map<String, List<Datapoint>> getMetricData(List<IdentifiedQuery> queries, Instant start, Instant end) {
        regionsAsked.add(region);
        if (failure != null) {
            throw failure;
        }
        Map<String, List<Datapoint>> out = new HashMap<>();
        for (IdentifiedQuery q : queries) {
            Double v = healthCheckStatus.get(q.query().dimensions().get("HealthCheckId"));
            List<Datapoint> points = new ArrayList<>();
            if (v != null) {
                points.add(new Datapoint(end.minus(q.query().period()), v));
            }
            out.put(q.id(), points);
        }
        return out;
    }
}
