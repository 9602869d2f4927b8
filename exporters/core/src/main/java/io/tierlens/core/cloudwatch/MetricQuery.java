package io.tierlens.core.cloudwatch;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One CloudWatch series and statistic an exporter wants, built from discovered inventory (never from
 * ListMetrics). Two exporters asking for the same query share one billed metric.
 *
 * @param namespace e.g. {@code AWS/ApplicationELB}
 * @param metricName e.g. {@code RequestCount}
 * @param dimensions dimension name → value, kept sorted so equal queries are equal
 * @param statistic {@code Sum}, {@code Average}, {@code Minimum}, {@code Maximum} or a percentile like {@code p99}
 * @param period CloudWatch period
 * @param zeroWhenMissing true for counters CloudWatch omits when nothing happened (ELB counts): a missing
 *     newest period is then exported as 0 instead of being left out
 * @param freshness how often the query is fetched; its datapoints are replayed one period per refresh at the
 *     class's constant lag (see {@link ReplaySchedule})
 */
public record MetricQuery(
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        String statistic,
        Duration period,
        boolean zeroWhenMissing,
        Freshness freshness) {

    /** A query fetched every period (no replay), as every query was before freshness classes. */
    public MetricQuery(
            String namespace,
            String metricName,
            Map<String, String> dimensions,
            String statistic,
            Duration period,
            boolean zeroWhenMissing) {
        this(namespace, metricName, dimensions, statistic, period, zeroWhenMissing, Freshness.everyPeriod(period));
    }

    public MetricQuery {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metricName, "metricName");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(freshness, "freshness");
        if (freshness.interval().toMillis() % period.toMillis() != 0) {
            throw new IllegalArgumentException(
                    "fetch interval " + freshness.interval() + " is not a whole number of periods of " + period);
        }
        dimensions = Collections.unmodifiableMap(new TreeMap<>(dimensions));
    }

    /** The same query in another freshness class. */
    public MetricQuery withFreshness(Freshness f) {
        return new MetricQuery(namespace, metricName, dimensions, statistic, period, zeroWhenMissing, f);
    }

    @Override
    public String toString() {
        return namespace + "/" + metricName + dimensions + " " + statistic + "@" + period.toSeconds() + "s/"
                + freshness.freshnessClass().label() + "@"
                + freshness.interval().toSeconds() + "s";
    }
}
