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

    /** The statistic's value for the period starting at {@code periodStart}, or empty for no datapoint. */
    OptionalDouble value(MetricQuery query, Instant periodStart);
}
