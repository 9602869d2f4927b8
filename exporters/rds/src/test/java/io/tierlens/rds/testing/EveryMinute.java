package io.tierlens.rds.testing;

import io.tierlens.rds.RdsConfig;
import io.tierlens.rds.collector.RdsSeries;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * An RDS configuration in which every series, opt-ins included, is fetched every 60 s period, so a refresh serves
 * the newest settled period: what tests of exporter behaviour (not of cost) want to reason about. Its queries equal
 * the plain six-argument {@code MetricQuery}s ({@code Freshness.everyPeriod}).
 */
public final class EveryMinute {
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private EveryMinute() {}

    public static RdsConfig config() {
        RdsConfig c = RdsConfig.defaults();
        return new RdsConfig(
                c.enabled(),
                c.refresh(),
                c.maxStaleness(),
                c.discoveryInterval(),
                c.tags(),
                c.names(),
                c.maxConnections(),
                MINUTE,
                MINUTE,
                RdsSeries.configNames().stream().collect(Collectors.toMap(n -> n, n -> "alerting")),
                c.timestamps());
    }
}
