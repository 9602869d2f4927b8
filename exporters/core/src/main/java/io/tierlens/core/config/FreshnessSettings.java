package io.tierlens.core.config;

import io.tierlens.core.cloudwatch.Freshness;
import io.tierlens.core.cloudwatch.FreshnessClass;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The freshness keys every CloudWatch-backed exporter shares ({@code alerting_interval}, {@code trend_interval},
 * {@code classes}): their checks and how a series' class is resolved. docs/cloudwatch-cost.md explains the choice.
 */
public final class FreshnessSettings {
    /**
     * Values of a {@code classes:} entry. {@code false} is {@code off} as YAML 1.1 reads an unquoted {@code off}:
     * {@code {lb_consumed_lcus: off}} arrives as the boolean false.
     */
    public static final Set<String> CLASS_VALUES = Set.of("alerting", "trend", "off", "false");

    private FreshnessSettings() {}

    public static void check(String path, Duration alerting, Duration trend, ConfigProblems problems) {
        checkInterval(path, "alerting_interval", alerting, problems);
        checkInterval(path, "trend_interval", trend, problems);
        if (trend.compareTo(alerting) < 0) {
            problems.add(
                    ConfigProblems.join(path, "trend_interval"),
                    "is shorter than alerting_interval",
                    "trend queries are the cheap, slow ones; use 5m to 15m");
        }
    }

    private static void checkInterval(String path, String key, Duration d, ConfigProblems problems) {
        if (d.toSeconds() < 60 || d.toSeconds() % 60 != 0 || d.toMillis() % 1000 != 0) {
            problems.add(ConfigProblems.join(path, key), "must be a whole number of minutes", "e.g. 120s or 15m");
        }
    }

    /**
     * The freshness of a series: the {@code classes:} override if there is one, else its default; empty when the
     * series is off (an opt-in series without an override, or set to {@code off}).
     *
     * @param defaultClass empty for an opt-in series
     * @param period the query period: the interval is rounded up to a whole number of periods
     */
    public static Optional<Freshness> resolve(
            Optional<String> override,
            Optional<FreshnessClass> defaultClass,
            Duration alerting,
            Duration trend,
            Duration period) {
        Optional<FreshnessClass> cls = override.isPresent()
                ? (override.get().equals("off") || override.get().equals("false")
                        ? Optional.empty()
                        : Optional.of(FreshnessClass.valueOf(override.get().toUpperCase(Locale.ROOT))))
                : defaultClass;
        return cls.map(c -> {
            Duration interval = c == FreshnessClass.ALERTING ? alerting : trend;
            long periods = Math.max(1, (interval.toMillis() + period.toMillis() - 1) / period.toMillis());
            return new Freshness(c, period.multipliedBy(periods));
        });
    }
}
