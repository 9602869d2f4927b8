package io.tierlens.contract.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every metric name a dashboard or rule may read: the tierlens names of {@code dashboards/known-metrics.txt} (a
 * copy of METRICS.md), the external names of {@code dashboards/external-metrics.txt}, and the series the
 * recording rules of {@code alerts/} create.
 */
public final class MetricCatalog {
    public static final String KNOWN_FILE = "dashboards/known-metrics.txt";
    public static final String EXTERNAL_FILE = "dashboards/external-metrics.txt";
    /** tierlens metrics beyond the contract, documented as contract additions in docs/exporters/. */
    public static final String ADDITIONS_FILE = "dashboards/contract-additions.txt";

    private final Map<String, MetricType> tierlens;
    private final Map<String, Set<ExternalSource>> external;
    private final Set<String> recorded;

    public MetricCatalog(
            Map<String, MetricType> tierlens, Map<String, Set<ExternalSource>> external, Set<String> recorded) {
        this.tierlens = Map.copyOf(tierlens);
        this.external = Map.copyOf(external);
        this.recorded = Set.copyOf(recorded);
    }

    public static MetricCatalog load(Path root, Set<String> recorded) {
        Map<String, MetricType> tierlens = new LinkedHashMap<>(readKnown(root.resolve(KNOWN_FILE)));
        Map<String, MetricType> additions = readKnown(root.resolve(ADDITIONS_FILE));
        for (String name : additions.keySet()) {
            if (tierlens.containsKey(name)) {
                throw new IllegalArgumentException(ADDITIONS_FILE + ": " + name + " is already in " + KNOWN_FILE);
            }
        }
        tierlens.putAll(additions);
        return new MetricCatalog(tierlens, readExternal(root.resolve(EXTERNAL_FILE)), recorded);
    }

    /** What a series name is, if anything known. */
    public sealed interface Origin permits Tierlens, External, Recorded {}

    public record Tierlens(String metric, MetricType type) implements Origin {}

    public record External(Set<ExternalSource> sources) implements Origin {
        public boolean inDemo() {
            return sources.stream().anyMatch(ExternalSource::inDemo);
        }
    }

    public record Recorded(String name) implements Origin {}

    public Optional<Origin> lookup(String seriesName) {
        if (recorded.contains(seriesName)) {
            return Optional.of(new Recorded(seriesName));
        }
        for (Map.Entry<String, MetricType> m : tierlens.entrySet()) {
            for (String suffix : m.getValue().seriesSuffixes()) {
                if (seriesName.equals(m.getKey() + suffix)) {
                    return Optional.of(new Tierlens(m.getKey(), m.getValue()));
                }
            }
        }
        Set<ExternalSource> sources = external.get(seriesName);
        return sources == null ? Optional.empty() : Optional.of(new External(sources));
    }

    public Map<String, MetricType> tierlens() {
        return tierlens;
    }

    public Map<String, Set<ExternalSource>> external() {
        return external;
    }

    /** Lines "name type"; '#' starts a comment. */
    public static Map<String, MetricType> readKnown(Path file) {
        Map<String, MetricType> out = new LinkedHashMap<>();
        for (String[] fields : lines(file)) {
            if (fields.length != 2) {
                throw new IllegalArgumentException(file + ": expected 'name type': " + String.join(" ", fields));
            }
            if (out.put(fields[0], MetricType.parse(fields[1])) != null) {
                throw new IllegalArgumentException(file + ": duplicate " + fields[0]);
            }
        }
        return out;
    }

    /** Lines "source name"; a name may appear under several sources. */
    public static Map<String, Set<ExternalSource>> readExternal(Path file) {
        Map<String, Set<ExternalSource>> out = new LinkedHashMap<>();
        for (String[] fields : lines(file)) {
            if (fields.length != 2) {
                throw new IllegalArgumentException(file + ": expected 'source name': " + String.join(" ", fields));
            }
            ExternalSource source = ExternalSource.byId(fields[0])
                    .orElseThrow(() -> new IllegalArgumentException(file + ": unknown source " + fields[0]));
            if (!out.computeIfAbsent(fields[1], k -> EnumSet.noneOf(ExternalSource.class))
                    .add(source)) {
                throw new IllegalArgumentException(file + ": duplicate " + fields[0] + " " + fields[1]);
            }
        }
        return out;
    }

    private static java.util.List<String[]> lines(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(l -> l.replaceFirst("#.*", "").trim())
                    .filter(l -> !l.isEmpty())
                    .map(l -> l.split("\\s+"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
