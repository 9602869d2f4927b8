package io.tierlens.alb.collector;

/**
 * How a CloudWatch metric of the ALB set is asked for and exported (the statistics of ANCHORS.md: counts are
 * summed, host counts take the pessimistic extreme, latency is averaged plus percentiles).
 */
public enum Aggregation {
    /** {@code Sum}, 0 when CloudWatch omits the period, exported as Sum / period (per second). */
    SUM_PER_SECOND("Sum", true),
    /** {@code Sum}, 0 when omitted, exported as is. */
    SUM("Sum", true),
    /** {@code Average}, exported as is. */
    AVERAGE("Average", false),
    /** {@code Minimum}: the fewest healthy hosts in the period is what an alert cares about. */
    MINIMUM("Minimum", false),
    /** {@code Maximum}: the most unhealthy hosts in the period. */
    MAXIMUM("Maximum", false),
    /** {@code Average} and {@code Maximum} plus the configured percentiles, one query each, label {@code statistic}. */
    LATENCY("Average", false);

    private final String statistic;
    private final boolean zeroWhenMissing;

    Aggregation(String statistic, boolean zeroWhenMissing) {
        this.statistic = statistic;
        this.zeroWhenMissing = zeroWhenMissing;
    }

    /** The CloudWatch statistic (for {@link #LATENCY}, the one besides the percentiles). */
    public String statistic() {
        return statistic;
    }

    public boolean zeroWhenMissing() {
        return zeroWhenMissing;
    }
}
