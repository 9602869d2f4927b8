package io.tierlens.core.cloudwatch;

import java.time.Duration;
import java.util.Objects;

/**
 * A query's freshness class and fetch interval.
 *
 * @param freshnessClass alerting or trend
 * @param interval how often the query is fetched from CloudWatch; a whole number of the query's periods
 */
public record Freshness(FreshnessClass freshnessClass, Duration interval) {

    public Freshness {
        Objects.requireNonNull(freshnessClass, "freshnessClass");
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("fetch interval must be positive, got " + interval);
        }
    }

    /** Fetched every period: the behaviour of queries that name no class (each refresh asks for the newest minute). */
    public static Freshness everyPeriod(Duration period) {
        return new Freshness(FreshnessClass.ALERTING, period);
    }

    public static Freshness alerting(Duration interval) {
        return new Freshness(FreshnessClass.ALERTING, interval);
    }

    public static Freshness trend(Duration interval) {
        return new Freshness(FreshnessClass.TREND, interval);
    }
}
