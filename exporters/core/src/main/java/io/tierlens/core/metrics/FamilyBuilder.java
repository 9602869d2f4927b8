package io.tierlens.core.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds one metric family from label values, written with the name users see in {@code /metrics} (the
 * names of {@code METRICS.md}). client_java wants counters without {@code _total} and info metrics without
 * {@code _info}; this class hides that so exporter code and the metric contract use the same strings.
 *
 * <p>A second data point with the same label values is ignored rather than thrown: AWS can return odd
 * inventories (two resources with one name) and one odd resource must not fail a whole refresh. Ignored
 * points are counted so the runtime can report them in {@code tierlens_series_dropped_total}.
 */
public final class FamilyBuilder {
    private enum Kind {
        GAUGE,
        COUNTER,
        INFO
    }

    private final String name;
    private final String help;
    private final String[] labelNames;
    private final Kind kind;
    private final List<Labels> labels = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<Long> timestamps = new ArrayList<>();
    private final Set<List<String>> seen = new HashSet<>();
    private int duplicates;

    private FamilyBuilder(String name, String help, Kind kind, String... labelNames) {
        this.name = name;
        this.help = help;
        this.kind = kind;
        this.labelNames = labelNames.clone();
    }

    public static FamilyBuilder gauge(String name, String help, String... labelNames) {
        return new FamilyBuilder(name, help, Kind.GAUGE, labelNames);
    }

    /** A counter; {@code name} is the exposed name and must end with {@code _total}. */
    public static FamilyBuilder counter(String name, String help, String... labelNames) {
        if (!name.endsWith("_total")) {
            throw new IllegalArgumentException("counter name must end with _total: " + name);
        }
        return new FamilyBuilder(name, help, Kind.COUNTER, labelNames);
    }

    /** An info metric (value 1); {@code name} is the exposed name and must end with {@code _info}. */
    public static FamilyBuilder info(String name, String help, String... labelNames) {
        if (!name.endsWith("_info")) {
            throw new IllegalArgumentException("info metric name must end with _info: " + name);
        }
        return new FamilyBuilder(name, help, Kind.INFO, labelNames);
    }

    /** Adds a point; label values are given in the order of the label names. Null values become "". */
    public FamilyBuilder add(double value, String... labelValues) {
        return addPoint(value, 0L, labelValues);
    }

    /**
     * Adds a gauge point with an explicit timestamp (exposed after the value), for exporters configured to export
     * CloudWatch's own timestamps; Prometheus then stores the sample at that time instead of the scrape time.
     */
    public FamilyBuilder addAt(double value, Instant timestamp, String... labelValues) {
        return addPoint(value, timestamp.toEpochMilli(), labelValues);
    }

    private FamilyBuilder addPoint(double value, long timestampMillis, String... labelValues) {
        if (labelValues.length != labelNames.length) {
            throw new IllegalArgumentException(name + " expects labels " + Arrays.toString(labelNames) + " but got "
                    + labelValues.length + " values");
        }
        String[] cleaned = new String[labelValues.length];
        for (int i = 0; i < labelValues.length; i++) {
            cleaned[i] = labelValues[i] == null ? "" : labelValues[i];
        }
        if (!seen.add(List.of(cleaned))) {
            duplicates++;
            return this;
        }
        labels.add(Labels.of(labelNames, cleaned));
        values.add(value);
        timestamps.add(timestampMillis);
        return this;
    }

    /** Adds an info point (value 1). */
    public FamilyBuilder addInfo(String... labelValues) {
        return add(1.0, labelValues);
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.size();
    }

    public int duplicates() {
        return duplicates;
    }

    public MetricSnapshot build() {
        switch (kind) {
            case COUNTER: {
                CounterSnapshot.Builder b = CounterSnapshot.builder()
                        .name(name.substring(0, name.length() - "_total".length()))
                        .help(help);
                for (int i = 0; i < labels.size(); i++) {
                    b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                            .labels(labels.get(i))
                            .value(values.get(i))
                            .build());
                }
                return b.build();
            }
            case INFO: {
                InfoSnapshot.Builder b = InfoSnapshot.builder()
                        .name(name.substring(0, name.length() - "_info".length()))
                        .help(help);
                for (Labels l : labels) {
                    b.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                            .labels(l)
                            .build());
                }
                return b.build();
            }
            default: {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
                for (int i = 0; i < labels.size(); i++) {
                    GaugeSnapshot.GaugeDataPointSnapshot.Builder p = GaugeSnapshot.GaugeDataPointSnapshot.builder()
                            .labels(labels.get(i))
                            .value(values.get(i));
                    if (timestamps.get(i) != 0L) {
                        p.scrapeTimestampMillis(timestamps.get(i));
                    }
                    b.dataPoint(p.build());
                }
                return b.build();
            }
        }
    }
}
