package io.tierlens.session.collector;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A classic histogram family built from a batch of observations per label set (a sample taken in one cycle),
 * which {@code FamilyBuilder} does not cover. Bounds are given without {@code +Inf}; it is added.
 */
final class HistogramFamily {
    private final String name;
    private final String help;
    private final String[] labelNames;
    private final double[] bounds;
    private final List<HistogramSnapshot.HistogramDataPointSnapshot> points = new ArrayList<>();

    HistogramFamily(String name, String help, double[] bounds, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = labelNames.clone();
        this.bounds = Arrays.copyOf(bounds, bounds.length + 1);
        this.bounds[bounds.length] = Double.POSITIVE_INFINITY;
    }

    /** One data point holding every value of {@code values}. */
    HistogramFamily add(double[] values, String... labelValues) {
        long[] counts = new long[bounds.length];
        double sum = 0;
        for (double v : values) {
            sum += v;
            for (int i = 0; i < bounds.length; i++) {
                if (v <= bounds[i]) {
                    counts[i]++;
                    break;
                }
            }
        }
        points.add(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .labels(Labels.of(labelNames, labelValues))
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                .sum(sum)
                .build());
        return this;
    }

    boolean isEmpty() {
        return points.isEmpty();
    }

    MetricSnapshot build() {
        HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help);
        points.forEach(b::dataPoint);
        return b.build();
    }
}
