package io.tierlens.alb;

import io.tierlens.alb.collector.AlbSeries;
import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.Globs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code exporters.alb:}
 *
 * @param enabled default true
 * @param refresh how often metrics and target health are refreshed, default 60s
 * @param maxStaleness how long last good data is served while refreshes fail, default 10m
 * @param discoveryInterval how often load balancers, target groups, listeners and tags are listed, default 5m
 * @param tags only load balancers with all these tags; a value of {@code "*"} means "tag present"
 * @param names only load balancers whose name matches one of these globs ({@code *} and {@code ?}); empty = all
 * @param targetHealth call DescribeTargetHealth per target group each refresh, default true
 * @param targetGroupMetrics CloudWatch metrics per target group, default true
 * @param percentiles latency percentiles per load balancer, default [p50, p90, p99] (p99 alerting, the rest trend)
 * @param targetGroupPercentiles latency percentiles per target group (trend class), default [p99] for the
 *     "response time by service" panel: each costs one query per target group (docs/cloudwatch-cost.md)
 * @param alertingInterval how often alerting-class queries are fetched, default 120s (60s–120s)
 * @param trendInterval how often trend-class queries are fetched, default 15m (5m–15m)
 * @param classes per-series override of the freshness class: series name ({@code lb_requests},
 *     {@code tg_target_2xx}, ...) → {@code alerting}, {@code trend} or {@code off}; series not listed keep their
 *     default class, and the opt-in ones ({@code tg_target_2xx/3xx/4xx}) stay off
 * @param timestamps export CloudWatch's own timestamp (the period start) with each CloudWatch value, default false;
 *     see docs/cloudwatch-cost.md for the staleness caveat
 */
public record AlbConfig(
        Boolean enabled,
        Duration refresh,
        Duration maxStaleness,
        Duration discoveryInterval,
        Map<String, String> tags,
        List<String> names,
        Boolean targetHealth,
        Boolean targetGroupMetrics,
        List<String> percentiles,
        List<String> targetGroupPercentiles,
        Duration alertingInterval,
        Duration trendInterval,
        Map<String, String> classes,
        Boolean timestamps)
        implements ExporterSettings, ConfigChecked {

    /** The settings that predate freshness classes; the others take their defaults. */
    public AlbConfig(
            Boolean enabled,
            Duration refresh,
            Duration maxStaleness,
            Duration discoveryInterval,
            Map<String, String> tags,
            List<String> names,
            Boolean targetHealth,
            Boolean targetGroupMetrics,
            List<String> percentiles) {
        this(
                enabled,
                refresh,
                maxStaleness,
                discoveryInterval,
                tags,
                names,
                targetHealth,
                targetGroupMetrics,
                percentiles,
                null,
                null,
                null,
                null,
                null);
    }

    private static final Set<String> PERCENTILES = Set.of("p50", "p90", "p95", "p99", "p99.9");

    public AlbConfig {
        enabled = enabled == null || enabled;
        refresh = refresh == null ? Duration.ofSeconds(60) : refresh;
        maxStaleness = maxStaleness == null ? Duration.ofMinutes(10) : maxStaleness;
        discoveryInterval = discoveryInterval == null ? Duration.ofMinutes(5) : discoveryInterval;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        names = names == null ? List.of() : List.copyOf(names);
        targetHealth = targetHealth == null || targetHealth;
        targetGroupMetrics = targetGroupMetrics == null || targetGroupMetrics;
        percentiles = percentiles == null ? List.of("p50", "p90", "p99") : List.copyOf(percentiles);
        targetGroupPercentiles = targetGroupPercentiles == null ? List.of("p99") : List.copyOf(targetGroupPercentiles);
        alertingInterval = alertingInterval == null ? Duration.ofSeconds(120) : alertingInterval;
        trendInterval = trendInterval == null ? Duration.ofMinutes(15) : trendInterval;
        classes = classes == null ? Map.of() : Map.copyOf(classes);
        timestamps = timestamps != null && timestamps;
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        ExporterSettings.checkCommon(this, path, problems);
        Globs.check(names, ConfigProblems.join(path, "names"), problems);
        if (discoveryInterval.compareTo(refresh) < 0) {
            problems.add(
                    ConfigProblems.join(path, "discovery_interval"),
                    "is shorter than refresh",
                    "discovery changes rarely; use 5m or more");
        }
        checkPercentiles(path, "percentiles", percentiles, problems);
        checkPercentiles(path, "target_group_percentiles", targetGroupPercentiles, problems);
        io.tierlens.core.config.FreshnessSettings.check(path, alertingInterval, trendInterval, problems);
        classes.forEach((series, cls) -> {
            if (!AlbSeries.configNames().contains(series)) {
                problems.add(
                        ConfigProblems.join(path, "classes." + series),
                        "unknown series",
                        "use one of " + String.join(", ", AlbSeries.configNames()));
            } else if (!io.tierlens.core.config.FreshnessSettings.CLASS_VALUES.contains(cls)) {
                problems.add(
                        ConfigProblems.join(path, "classes." + series),
                        "unknown class \"" + cls + "\"",
                        "use alerting, trend or off");
            }
        });
    }

    private static void checkPercentiles(String path, String key, List<String> percentiles, ConfigProblems problems) {
        for (int i = 0; i < percentiles.size(); i++) {
            if (percentiles.indexOf(percentiles.get(i)) < i) {
                // A repeated percentile would ask CloudWatch twice and export one series twice.
                problems.add(
                        ConfigProblems.join(path, key) + "[" + i + "]",
                        "\"" + percentiles.get(i) + "\" is listed twice",
                        "list each percentile once");
            } else if (!PERCENTILES.contains(percentiles.get(i))) {
                problems.add(
                        ConfigProblems.join(path, key) + "[" + i + "]",
                        "unsupported percentile \"" + percentiles.get(i) + "\"",
                        "use some of "
                                + String.join(
                                        ", ", PERCENTILES.stream().sorted().toList()));
            }
        }
    }
}
