package io.tierlens.alb.testing;

import io.tierlens.alb.AlbConfig;
import java.time.Duration;
import java.util.Map;

/**
 * An ALB configuration in which every series, opt-ins included, is fetched every 60 s period, so a refresh serves
 * the newest settled period: what tests of exporter behaviour (not of cost) want to reason about.
 */
public final class EveryMinute {
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private EveryMinute() {}

    public static AlbConfig of(AlbConfig c) {
        return new AlbConfig(
                c.enabled(),
                c.refresh(),
                c.maxStaleness(),
                c.discoveryInterval(),
                c.tags(),
                c.names(),
                c.targetHealth(),
                c.targetGroupMetrics(),
                c.percentiles(),
                c.percentiles(),
                MINUTE,
                MINUTE,
                Map.of("tg_target_2xx", "trend", "tg_target_3xx", "trend", "tg_target_4xx", "trend"),
                c.timestamps());
    }
}
