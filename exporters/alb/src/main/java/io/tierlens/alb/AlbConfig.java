package io.tierlens.alb;

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
 * @param percentiles latency percentiles, default [p50, p90, p99]
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
        List<String> percentiles)
        implements ExporterSettings, ConfigChecked {
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
        for (int i = 0; i < percentiles.size(); i++) {
            if (percentiles.indexOf(percentiles.get(i)) < i) {
                // A repeated percentile would ask CloudWatch twice and export one series twice.
                problems.add(
                        ConfigProblems.join(path, "percentiles") + "[" + i + "]",
                        "\"" + percentiles.get(i) + "\" is listed twice",
                        "list each percentile once");
            } else if (!PERCENTILES.contains(percentiles.get(i))) {
                problems.add(
                        ConfigProblems.join(path, "percentiles") + "[" + i + "]",
                        "unsupported percentile \"" + percentiles.get(i) + "\"",
                        "use some of "
                                + String.join(
                                        ", ", PERCENTILES.stream().sorted().toList()));
            }
        }
    }
}
