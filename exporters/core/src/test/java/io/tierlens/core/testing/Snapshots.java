package io.tierlens.core.testing;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads values out of snapshots by exposed name and labels, the way a PromQL selector would. */
public final class Snapshots {
    private Snapshots() {}

    /** The family by exposed name ({@code _total} / {@code _info} suffixes are matched to client_java's names). */
    public static Optional<MetricSnapshot> family(MetricSnapshots snapshots, String exposedName) {
        String base = exposedName.replaceAll("_total$", "").replaceAll("_info$", "");
        for (MetricSnapshot s : snapshots) {
            if (s.getMetadata().getName().equals(exposedName)
                    || s.getMetadata().getName().equals(base)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Label sets of all points of a family. */
    public static List<Map<String, String>> labels(MetricSnapshots snapshots, String exposedName) {
        List<Map<String, String>> out = new ArrayList<>();
        family(snapshots, exposedName).ifPresent(f -> {
            for (DataPointSnapshot p : f.getDataPoints()) {
                out.add(toMap(p.getLabels()));
            }
        });
        return out;
    }

    /** The value of the single point whose labels include {@code match} (alternating name, value). */
    public static Optional<Double> value(MetricSnapshots snapshots, String exposedName, String... match) {
        Optional<MetricSnapshot> f = family(snapshots, exposedName);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        List<Double> found = new ArrayList<>();
        for (DataPointSnapshot p : f.get().getDataPoints()) {
            if (matches(p.getLabels(), match)) {
                found.add(valueOf(p));
            }
        }
        if (found.size() > 1) {
            throw new AssertionError(exposedName + " has " + found.size() + " points matching " + List.of(match));
        }
        return found.stream().findFirst();
    }

    public static int size(MetricSnapshots snapshots, String exposedName) {
        return family(snapshots, exposedName).map(f -> f.getDataPoints().size()).orElse(0);
    }

    private static boolean matches(Labels labels, String... match) {
        for (int i = 0; i < match.length; i += 2) {
            if (!match[i + 1].equals(labels.get(match[i]))) {
                return false;
            }
        }
        return true;
    }

    private static double valueOf(DataPointSnapshot p) {
        if (p instanceof GaugeSnapshot.GaugeDataPointSnapshot g) {
            return g.getValue();
        }
        if (p instanceof CounterSnapshot.CounterDataPointSnapshot c) {
            return c.getValue();
        }
        return 1.0;
    }

    private static Map<String, String> toMap(Labels labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            m.put(labels.getName(i), labels.getValue(i));
        }
        return m;
    }
}
