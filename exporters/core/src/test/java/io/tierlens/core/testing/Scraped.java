package io.tierlens.core.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads values out of snapshots by the names {@code /metrics} shows ({@code tierlens_refresh_errors_total},
 * {@code tierlens_alb_info}, {@code tierlens_refresh_duration_seconds_count}), so tests are written against the
 * metric contract rather than client_java's internal names.
 */
public final class Scraped {
    private Scraped() {}

    /**
     * The value of the one series named {@code exposedName} whose labels include {@code labelPairs}
     * ({@code "exporter", "alb", "reason", "throttled"}); empty when there is none.
     *
     * @throws IllegalArgumentException if more than one series matches
     */
    public static OptionalDouble value(MetricSnapshots snapshots, String exposedName, String... labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("label names and values come in pairs");
        }
        OptionalDouble found = OptionalDouble.empty();
        for (MetricSnapshot s : snapshots) {
            String base = s.getMetadata().getPrometheusName();
            for (DataPointSnapshot p : s.getDataPoints()) {
                if (!matches(p.getLabels(), labelPairs)) {
                    continue;
                }
                OptionalDouble v = valueOf(s, base, p, exposedName);
                if (v.isPresent()) {
                    if (found.isPresent()) {
                        throw new IllegalArgumentException("more than one series of " + exposedName + " matches");
                    }
                    found = v;
                }
            }
        }
        return found;
    }

    /** {@link #value(MetricSnapshots, String, String...)} with the labels as a map (tests that pass label sets around). */
    public static OptionalDouble value(MetricSnapshots snapshots, String exposedName, Map<String, String> labels) {
        return value(
                snapshots,
                exposedName,
                labels.entrySet().stream()
                        .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                        .toArray(String[]::new));
    }

    public static OptionalDouble value(PrometheusRegistry registry, String exposedName, String... labelPairs) {
        return value(registry.scrape(), exposedName, labelPairs);
    }

    /** The value, or 0 when the series does not exist (as {@code rate()} treats a counter not yet created). */
    public static double counter(PrometheusRegistry registry, String exposedName, String... labelPairs) {
        return value(registry, exposedName, labelPairs).orElse(0);
    }

    /** Family names as exposed: counters with {@code _total}, info metrics with {@code _info}. */
    public static Set<String> names(MetricSnapshots snapshots) {
        Set<String> out = new LinkedHashSet<>();
        for (MetricSnapshot s : snapshots) {
            String base = s.getMetadata().getPrometheusName();
            if (s instanceof CounterSnapshot) {
                out.add(base + "_total");
            } else if (s instanceof InfoSnapshot) {
                out.add(base + "_info");
            } else {
                out.add(base);
            }
        }
        return out;
    }

    private static OptionalDouble valueOf(MetricSnapshot s, String base, DataPointSnapshot p, String exposedName) {
        if (s instanceof CounterSnapshot && exposedName.equals(base + "_total")) {
            return OptionalDouble.of(((CounterSnapshot.CounterDataPointSnapshot) p).getValue());
        }
        if (s instanceof GaugeSnapshot && exposedName.equals(base)) {
            return OptionalDouble.of(((GaugeSnapshot.GaugeDataPointSnapshot) p).getValue());
        }
        if (s instanceof InfoSnapshot && exposedName.equals(base + "_info")) {
            return OptionalDouble.of(1);
        }
        if (s instanceof HistogramSnapshot) {
            HistogramSnapshot.HistogramDataPointSnapshot h = (HistogramSnapshot.HistogramDataPointSnapshot) p;
            if (exposedName.equals(base + "_count")) {
                return OptionalDouble.of(h.getCount());
            }
            if (exposedName.equals(base + "_sum")) {
                return OptionalDouble.of(h.getSum());
            }
        }
        return OptionalDouble.empty();
    }

    private static boolean matches(Labels labels, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
