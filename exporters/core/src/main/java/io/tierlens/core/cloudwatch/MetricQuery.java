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
 */
public record MetricQuery(
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        String statistic,
        Duration period,
        boolean zeroWhenMissing) {

    public MetricQuery {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metricName, "metricName");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(period, "period");
        dimensions = Collections.unmodifiableMap(new TreeMap<>(dimensions));
    }

    @Override
    public String toString() {
        return namespace + "/" + metricName + dimensions + " " + statistic + "@" + period.toSeconds() + "s";
    }
}
