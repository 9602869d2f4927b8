package io.tierlens.contract.e2e;

import io.tierlens.contract.promql.PromqlNames;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tierlens exporter a metric the dashboards read comes from, by the area of its name ({@code tierlens_<area>_…},
 * also inside recording rule names like {@code load_balancer:tierlens_alb_5xx:ratio_avg1h}). The end-to-end test
 * skips a query only when an exporter it reads is missing from the demo's {@code tierlens_exporter_up}: with every
 * exporter in the build, nothing is skipped.
 */
final class MetricOwners {
    /** Area of the metric name → exporter (the {@code exporter} label of {@code tierlens_exporter_up}). */
    static final Map<String, String> EXPORTER_BY_AREA = Map.of(
            "alb", "alb",
            "rds", "rds",
            "backup", "backup",
            "dr", "dr",
            "karpenter", "karpenter",
            "cost", "cost",
            "session", "session",
            "redis", "session",
            // pushed by `tierlens run-job` (module exporters/batch) to the Pushgateway
            "job", "batch");

    /** Areas of the self metrics every tierlens process serves (METRICS.md "Self"). */
    static final Set<String> CORE_AREAS =
            Set.of("build", "exporter", "target", "refresh", "last", "data", "aws", "cloudwatch", "series", "config");

    /** Names without a tierlens area that only exist when an exporter's data does. */
    static final Map<String, String> EXPORTER_BY_NAME = Map.of(
            // the Pushgateway's own series per group: there are groups only when run-job pushed
            "push_time_seconds", "batch");

    private static final Pattern AREA = Pattern.compile("(?:^|:)tierlens_([a-z0-9]+)_");

    private MetricOwners() {}

    /**
     * The exporter a series name needs, empty for tierlens' self metrics and for sources outside tierlens.
     *
     * @throws IllegalStateException for a tierlens area this class does not know, so a new exporter cannot be
     *     silently treated as always present
     */
    static Optional<String> exporterOf(String seriesName) {
        String byName = EXPORTER_BY_NAME.get(seriesName);
        if (byName != null) {
            return Optional.of(byName);
        }
        Matcher m = AREA.matcher(seriesName);
        if (!m.find()) {
            return Optional.empty();
        }
        String area = m.group(1);
        if (CORE_AREAS.contains(area)) {
            return Optional.empty();
        }
        String exporter = EXPORTER_BY_AREA.get(area);
        if (exporter == null) {
            throw new IllegalStateException("metric " + seriesName + ": no exporter known for area '" + area
                    + "'; add it to MetricOwners.EXPORTER_BY_AREA or CORE_AREAS");
        }
        return Optional.of(exporter);
    }

    /** Every exporter a PromQL expression reads from. */
    static Set<String> exportersOf(String expr) {
        Set<String> out = new TreeSet<>();
        for (String name : PromqlNames.metricNames(expr)) {
            exporterOf(name).ifPresent(out::add);
        }
        return out;
    }
}
