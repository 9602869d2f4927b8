package io.tierlens.session;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.core.config.ExporterSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code exporters.session:} — see {@code docs/exporters/session.md}.
 *
 * @param enabled default true
 * @param refresh how often sessions are counted and Redis INFO is read, default 15s (indexed counts cost Redis a
 *     few hundred microseconds; the plain layout's SCAN follows {@code scan.interval}, not this)
 * @param maxStaleness how long the last good session figures are served while Redis cannot be read, default 5m
 * @param redis how to reach Redis
 * @param namespaces Spring Session namespaces ({@code spring.session.redis.namespace}), default [spring:session]
 * @param layout {@code auto} (default) detects the layout per namespace; or force {@code plain},
 *     {@code indexed_minute}, {@code indexed_sorted_set}
 * @param sampleSize sessions whose times are read per namespace and cycle, default 1000 (0 disables sampling)
 * @param scan limits of the SCAN the plain layout and the principal count need
 * @param principals count distinct principals from the principal index where it exists, default true
 * @param principalsInterval how often a principal-index SCAN pass starts, default 1h: the index keys are spread
 *     over the whole keyspace, so each pass walks all of it (with {@code read_from: replica} it can be shorter)
 * @param bucketHorizon how far ahead minute buckets are summed (the longest session timeout in use), default 12h
 */
public record SessionConfig(
        Boolean enabled,
        Duration refresh,
        Duration maxStaleness,
        RedisConfig redis,
        List<String> namespaces,
        LayoutSetting layout,
        Integer sampleSize,
        ScanConfig scan,
        Boolean principals,
        Duration principalsInterval,
        Duration bucketHorizon)
        implements ExporterSettings, ConfigChecked {

    /** Layout choice of the config: auto-detect or one of the layouts. */
    public enum LayoutSetting {
        AUTO,
        PLAIN,
        INDEXED_MINUTE,
        INDEXED_SORTED_SET
    }

    public SessionConfig {
        enabled = enabled == null || enabled;
        refresh = refresh == null ? Duration.ofSeconds(15) : refresh;
        maxStaleness = maxStaleness == null ? Duration.ofMinutes(5) : maxStaleness;
        redis = redis == null ? RedisConfig.defaults() : redis;
        namespaces = namespaces == null || namespaces.isEmpty() ? List.of("spring:session") : List.copyOf(namespaces);
        layout = layout == null ? LayoutSetting.AUTO : layout;
        sampleSize = sampleSize == null ? 1000 : sampleSize;
        scan = scan == null ? ScanConfig.defaults() : scan;
        principals = principals == null || principals;
        principalsInterval = principalsInterval == null ? Duration.ofHours(1) : principalsInterval;
        bucketHorizon = bucketHorizon == null ? Duration.ofHours(12) : bucketHorizon;
    }

    /** All defaults: localhost:6379, namespace spring:session. */
    public static SessionConfig defaults() {
        return new SessionConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    public SessionConfig withRedis(RedisConfig r) {
        return new SessionConfig(
                enabled,
                refresh,
                maxStaleness,
                r,
                namespaces,
                layout,
                sampleSize,
                scan,
                principals,
                principalsInterval,
                bucketHorizon);
    }

    public SessionConfig withScan(ScanConfig s) {
        return new SessionConfig(
                enabled,
                refresh,
                maxStaleness,
                redis,
                namespaces,
                layout,
                sampleSize,
                s,
                principals,
                principalsInterval,
                bucketHorizon);
    }

    public SessionConfig withNamespaces(List<String> ns) {
        return new SessionConfig(
                enabled,
                refresh,
                maxStaleness,
                redis,
                ns,
                layout,
                sampleSize,
                scan,
                principals,
                principalsInterval,
                bucketHorizon);
    }

    public SessionConfig withSampleSize(int n) {
        return new SessionConfig(
                enabled,
                refresh,
                maxStaleness,
                redis,
                namespaces,
                layout,
                n,
                scan,
                principals,
                principalsInterval,
                bucketHorizon);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        ExporterSettings.checkCommon(this, path, problems);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < namespaces.size(); i++) {
            String ns = namespaces.get(i);
            String at = ConfigProblems.join(path, "namespaces") + "[" + i + "]";
            if (ns == null || ns.isBlank()) {
                problems.add(at, "is empty", "write the value of spring.session.redis.namespace, e.g. spring:session");
            } else if (ns.endsWith(":")) {
                problems.add(at, "ends with ':'", "write the namespace without the trailing colon (spring:session)");
            } else if (!seen.add(ns)) {
                problems.add(at, "is listed twice", "list each namespace once");
            }
        }
        if (sampleSize < 0 || sampleSize > 100_000) {
            problems.add(
                    ConfigProblems.join(path, "sample_size"),
                    "must be between 0 and 100000",
                    "the default 1000 gives percentiles within a few percent");
        }
        if (principalsInterval.compareTo(refresh) < 0) {
            problems.add(
                    ConfigProblems.join(path, "principals_interval"),
                    "is shorter than refresh",
                    "the principal count needs a SCAN of the whole keyspace; use 10m or more");
        }
        if (bucketHorizon.compareTo(Duration.ofMinutes(1)) < 0 || bucketHorizon.compareTo(Duration.ofDays(7)) > 0) {
            problems.add(
                    ConfigProblems.join(path, "bucket_horizon"),
                    "must be between 1m and 7d",
                    "set it to the longest session timeout of your applications (default 12h)");
        }
        redis.check(ConfigProblems.join(path, "redis"), problems);
        scan.check(ConfigProblems.join(path, "scan"), refresh, problems);
    }
}
