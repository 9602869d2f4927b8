package io.tierlens.demo;

import io.tierlens.core.cloudwatch.MetricQuery;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Answers simulated CloudWatch queries of one namespace. Returning empty means "CloudWatch has no datapoint"
 * (which is what real ELB counters do when nothing happened).
 */
public interface SimulatedMetricSource {
    String namespace();

    /**
     * The statistic's value for a period of {@code query.period()} if the whole period looked like the scenario at
     * {@code at} (a count for the whole period at that instant's rate, a level), or empty for no data at that
     * instant. {@link SimulatedCloudWatch} asks at instants across each period and aggregates the answers.
     */
    OptionalDouble value(MetricQuery query, Instant at);
}
