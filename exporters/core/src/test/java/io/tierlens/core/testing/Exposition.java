package io.tierlens.core.testing;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads exporter snapshots in tests: the text a scrape would see, and single values by name and labels. */
public final class Exposition {
    private Exposition() {}

    public static String text(MetricSnapshots snapshots) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The value of the point of family {@code name} (the exposed name: counters with {@code _total}) whose labels
     * include {@code labels}; empty if there is none, an error if several match.
     */
    public static OptionalDouble value(MetricSnapshots snapshots, String name, Map<String, String> labels) {
        List<Double> found = new ArrayList<>();
        for (MetricSnapshot s : snapshots) {
            String exposed = exposed(s);
            if (!exposed.equals(name) && !s.getMetadata().getName().equals(name)) {
                continue;
            }
            for (DataPointSnapshot p : s.getDataPoints()) {
                if (matches(p.getLabels(), labels)) {
                    found.add(valueOf(p));
                }
            }
        }
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " points of " + name + " match " + labels);
        }
        return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.get(0));
    }

    /** Every label set of family {@code name}. */
    public static List<Labels> labels(MetricSnapshots snapshots, String name) {
        List<Labels> out = new ArrayList<>();
        for (MetricSnapshot s : snapshots) {
            String exposed = exposed(s);
            if (exposed.equals(name) || s.getMetadata().getName().equals(name)) {
                s.getDataPoints().forEach(p -> out.add(p.getLabels()));
            }
        }
        return out;
    }

    /** The name a scrape shows: client_java keeps counters without {@code _total} and info without {@code _info}. */
    private static String exposed(MetricSnapshot s) {
        String name = s.getMetadata().getName();
        if (s instanceof CounterSnapshot) {
            return name + "_total";
        }
        return s instanceof InfoSnapshot ? name + "_info" : name;
    }

    public static Optional<String> label(Labels labels, String name) {
        return Optional.ofNullable(labels.get(name));
    }

    private static boolean matches(Labels actual, Map<String, String> wanted) {
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
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
        return 1.0; // info and state points
    }
}
