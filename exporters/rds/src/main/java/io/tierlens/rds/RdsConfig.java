package io.tierlens.rds;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.FreshnessSettings;
import io.tierlens.core.config.Globs;
import io.tierlens.rds.collector.RdsSeries;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code exporters.rds:}
 *
 * @param enabled default true
 * @param refresh how often CloudWatch metrics are refreshed, default 60s
 * @param maxStaleness how long last good data is served while refreshes fail, default 10m
 * @param discoveryInterval how often instances, clusters, pending maintenance and parameter groups are described,
 *     default 5m
 * @param tags only DB instances (and clusters) with all these tags; a value of {@code "*"} means "tag present"
 * @param names only DB instances (and clusters) whose identifier matches one of these globs ({@code *}, {@code ?});
 *     empty = all
 * @param maxConnections {@code max_connections} per DB instance identifier, for instances where neither the
 *     parameter group nor the engine default gives a value (or the estimate is not good enough)
 * @param alertingInterval how often alerting-class queries are fetched, default 120s
 * @param trendInterval how often trend-class queries are fetched, default 15m
 * @param classes per-series override of the freshness class: series name ({@code cpu_maximum},
 *     {@code read_latency_max}, ...) → {@code alerting}, {@code trend} or {@code off}; the opt-in series
 *     ({@code read_latency_max}, {@code write_latency_max}) stay off unless listed
 * @param timestamps export CloudWatch's own timestamp (the period start) with each CloudWatch value, default false
 */
public record RdsConfig(
        Boolean enabled,
        Duration refresh,
        Duration maxStaleness,
        Duration discoveryInterval,
        Map<String, String> tags,
        List<String> names,
        Map<String, Long> maxConnections,
        Duration alertingInterval,
        Duration trendInterval,
        Map<String, String> classes,
        Boolean timestamps)
        implements ExporterSettings, ConfigChecked {

    /** The settings that predate freshness classes; the others take their defaults. */
    public RdsConfig(
            Boolean enabled,
            Duration refresh,
            Duration maxStaleness,
            Duration discoveryInterval,
            Map<String, String> tags,
            List<String> names,
            Map<String, Long> maxConnections) {
        this(enabled, refresh, maxStaleness, discoveryInterval, tags, names, maxConnections, null, null, null, null);
    }

    public RdsConfig {
        enabled = enabled == null || enabled;
        refresh = refresh == null ? Duration.ofSeconds(60) : refresh;
        maxStaleness = maxStaleness == null ? Duration.ofMinutes(10) : maxStaleness;
        discoveryInterval = discoveryInterval == null ? Duration.ofMinutes(5) : discoveryInterval;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        names = names == null ? List.of() : List.copyOf(names);
        maxConnections = maxConnections == null ? Map.of() : Map.copyOf(maxConnections);
        alertingInterval = alertingInterval == null ? Duration.ofSeconds(120) : alertingInterval;
        trendInterval = trendInterval == null ? Duration.ofMinutes(15) : trendInterval;
        classes = classes == null ? Map.of() : Map.copyOf(classes);
        timestamps = timestamps != null && timestamps;
    }

    /** All defaults. */
    public static RdsConfig defaults() {
        return new RdsConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        ExporterSettings.checkCommon(this, path, problems);
        Globs.check(names, ConfigProblems.join(path, "names"), problems);
        if (discoveryInterval.compareTo(refresh) < 0) {
            problems.add(
                    ConfigProblems.join(path, "discovery_interval"),
                    "is shorter than refresh",
                    "instances change rarely; use 5m or more");
        }
        FreshnessSettings.check(path, alertingInterval, trendInterval, problems);
        classes.forEach((series, cls) -> {
            if (!RdsSeries.configNames().contains(series)) {
                problems.add(
                        ConfigProblems.join(path, "classes." + series),
                        "unknown series",
                        "use one of " + String.join(", ", RdsSeries.configNames()));
            } else if (!FreshnessSettings.CLASS_VALUES.contains(cls)) {
                problems.add(
                        ConfigProblems.join(path, "classes." + series),
                        "unknown class \"" + cls + "\"",
                        "use alerting, trend or off");
            }
        });
        maxConnections.forEach((db, n) -> {
            if (n == null || n < 1) {
                problems.add(
                        ConfigProblems.join(path, "max_connections." + db),
                        "must be a positive whole number",
                        "give the instance's max_connections, e.g. 1000");
            }
        });
    }
}
