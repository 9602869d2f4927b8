package io.tierlens.core.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the families an exporter builds during one refresh. Families are looked up by exposed name so a
 * collector can add to a family from several places; empty families are left out of the snapshot (an empty
 * {@code # TYPE} block is noise for promtool and for users).
 */
public final class SnapshotAssembler {
    private final Map<String, FamilyBuilder> families = new LinkedHashMap<>();

    public FamilyBuilder gauge(String name, String help, String... labelNames) {
        return families.computeIfAbsent(name, n -> FamilyBuilder.gauge(n, help, labelNames));
    }

    public FamilyBuilder counter(String name, String help, String... labelNames) {
        return families.computeIfAbsent(name, n -> FamilyBuilder.counter(n, help, labelNames));
    }

    public FamilyBuilder info(String name, String help, String... labelNames) {
        return families.computeIfAbsent(name, n -> FamilyBuilder.info(n, help, labelNames));
    }

    /** Number of series added so far. */
    public int size() {
        return families.values().stream().mapToInt(FamilyBuilder::size).sum();
    }

    /** Number of label sets that were given twice and ignored. */
    public int duplicates() {
        return families.values().stream().mapToInt(FamilyBuilder::duplicates).sum();
    }

    public MetricSnapshots build() {
        MetricSnapshots.Builder b = MetricSnapshots.builder();
        for (FamilyBuilder f : families.values()) {
            if (f.size() > 0) {
                MetricSnapshot s = f.build();
                b.metricSnapshot(s);
            }
        }
        return b.build();
    }
}
