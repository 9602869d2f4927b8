package io.tierlens.core.cloudwatch;

import java.time.Duration;
import java.time.Instant;

/**
 * The newest complete datapoint of a query.
 *
 * @param value the statistic's value for the period
 * @param periodStart CloudWatch's timestamp for the datapoint (the start of its period)
 * @param period the period
 * @param filledZero true when CloudWatch had no datapoint and the query asked for 0 in that case
 */
public record MetricValue(double value, Instant periodStart, Duration period, boolean filledZero) {

    public Instant periodEnd() {
        return periodStart.plus(period);
    }

    /** The value divided by the period in seconds: a {@code Sum} over the period as a per-second rate. */
    public double perSecond() {
        return value / period.toSeconds();
    }
}
