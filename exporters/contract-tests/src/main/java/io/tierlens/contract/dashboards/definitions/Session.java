package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.table;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.dashboards.model.Dashboard;

/** 007: Spring Session in Redis: active sessions, logged-in users, session age and idle time, Redis health. */
final class Session {
    private static final String J = "job=~\"$job\"";
    private static final String N = "job=~\"$job\", namespace=~\"$namespace\"";

    private Session() {}

    static Dashboard build() {
        Dashboard.Builder d = TierlensDashboard.SESSION
                .builder()
                .description("How many users are logged in, how old and idle their sessions are, and whether the"
                        + " Redis that holds them is healthy. Counts come from a bounded SCAN or the session"
                        + " indexes; ages from a sample.")
                .variable("job", "tierlens job", "label_values(tierlens_build_info, job)")
                .variable(
                        "namespace",
                        "Session namespace",
                        "label_values(tierlens_session_store_info{job=~\"$job\"}, namespace)");
        sessions(d);
        ages(d);
        redis(d);
        return d.build();
    }

    private static void sessions(Dashboard.Builder d) {
        d.row("Sessions")
                .panel(stat("Active sessions", "short")
                        .description("Sessions that have not expired.")
                        .query("sum(tierlens_session_active{" + N + "})", "")
                        .size(6, 4))
                .panel(stat("Logged-in users", "short")
                        .description("Distinct principals with a session; only the indexed session layouts keep"
                                + " the index this needs.")
                        .query("sum(tierlens_session_principals{" + N + "})", "")
                        .size(6, 4))
                .panel(stat("Expiry backlog", "short")
                        .description("Sessions past their expiry that Spring Session has not cleaned up yet.")
                        .query("sum(tierlens_session_expiry_backlog{" + N + "})", "")
                        .thresholds(100, 1000)
                        .size(6, 4))
                .panel(stat("Scan", "none")
                        .description("Whether the last bounded SCAN saw every key (complete) or stopped early, so"
                                + " that counts are estimates (sampled).")
                        .query("max(tierlens_session_scan_truncated{" + N + "})", "")
                        .mapping("0", "complete", "green")
                        .mapping("1", "sampled", "orange")
                        .colorBackground()
                        .size(6, 4))
                .panel(timeseries("Active sessions and logged-in users", "short")
                        .description("Active sessions and distinct logged-in users per session namespace.")
                        .query("sum by (namespace) (tierlens_session_active{" + N + "})", "{{namespace}} sessions")
                        .query("sum by (namespace) (tierlens_session_principals{" + N + "})", "{{namespace}} users"))
                .panel(table("Session stores", "none")
                        .description("Session namespaces and the Redis layout tierlens detected: indexed minute"
                                + " buckets, indexed sorted set, or plain hashes (needs SCAN).")
                        .query("max by (namespace, layout) (tierlens_session_store_info{" + N + "})", "")
                        .column("Value", "")
                        .size(6, 8))
                .panel(table("Max inactive intervals", "s")
                        .description("Each distinct session timeout (maxInactiveInterval) seen in the sample, per"
                                + " namespace; two rows for one namespace mean WAS builds configured differently."
                                + " tierlens does not count how many sessions have each.")
                        .query(
                                "max by (namespace, value) (tierlens_session_max_inactive_interval_seconds{" + N + "})",
                                "")
                        .column("value", "")
                        .column("Value", "timeout")
                        .size(6, 8));
    }

    private static void ages(Dashboard.Builder d) {
        // The age and idle histograms describe the sessions sampled at the last refresh, so they are read as
        // they are, not with rate().
        d.row("Session age and idle time (sampled)")
                .panel(timeseries("Session age", "s")
                        .description("Median, p90 and p99 age of the sampled sessions.")
                        .query(
                                "histogram_quantile(0.5, sum by (le) (tierlens_session_age_seconds_bucket{" + N + "}))",
                                "p50")
                        .query(
                                "histogram_quantile(0.9, sum by (le) (tierlens_session_age_seconds_bucket{" + N + "}))",
                                "p90")
                        .query(
                                "histogram_quantile(0.99, sum by (le) (tierlens_session_age_seconds_bucket{" + N
                                        + "}))",
                                "p99")
                        .size(8, 8))
                .panel(timeseries("Session idle time", "s")
                        .description("Median, p90 and p99 time since the sampled sessions were last used; close"
                                + " to the max inactive interval means they are about to expire.")
                        .query(
                                "histogram_quantile(0.5, sum by (le) (tierlens_session_idle_seconds_bucket{" + N
                                        + "}))",
                                "p50")
                        .query(
                                "histogram_quantile(0.9, sum by (le) (tierlens_session_idle_seconds_bucket{" + N
                                        + "}))",
                                "p90")
                        .query(
                                "histogram_quantile(0.99, sum by (le) (tierlens_session_idle_seconds_bucket{" + N
                                        + "}))",
                                "p99")
                        .size(8, 8))
                .panel(timeseries("Keys examined per scan and expiry backlog", "short")
                        .description("Keys the bounded SCAN examined in the last refresh, and expired sessions not"
                                + " yet cleaned up, per namespace.")
                        .query(
                                "sum by (namespace) (tierlens_session_scan_keys_examined{" + N + "})",
                                "{{namespace}} keys examined")
                        .query(
                                "sum by (namespace) (tierlens_session_expiry_backlog{" + N + "})",
                                "{{namespace}} expiry backlog")
                        .size(8, 8));
    }

    private static void redis(Dashboard.Builder d) {
        d.row("Redis")
                .panel(stat("Redis up", "none")
                        .description("Whether tierlens reaches each Redis that holds sessions. DOWN too when tierlens"
                                + " reported the Redis within the last hour and reports nothing now.")
                        .query(
                                "min by (instance) (tierlens_redis_up{" + J + "}) or 0 * max by (instance)"
                                        + " (max_over_time(tierlens_redis_up{" + J + "}[1h]))",
                                "{{instance}}")
                        .upDown("UP", "DOWN")
                        .showNames()
                        .size(6, 8))
                .panel(timeseries("Redis memory", "bytes")
                        .description("Memory used and the maxmemory limit (0 = unlimited) per Redis.")
                        .query("max by (instance) (tierlens_redis_used_memory_bytes{" + J + "})", "{{instance}} used")
                        .query(
                                "max by (instance) (tierlens_redis_maxmemory_bytes{" + J + "})",
                                "{{instance}} maxmemory")
                        .size(9, 8))
                .panel(timeseries("Redis connected clients", "short")
                        .description("Client connections per Redis (the WAS pods, tierlens, others).")
                        .query("max by (instance) (tierlens_redis_connected_clients{" + J + "})", "{{instance}}")
                        .size(9, 8))
                .panel(timeseries("Redis evicted keys", "cps")
                        .description("Keys evicted per second because Redis reached maxmemory; evicted sessions"
                                + " log users out.")
                        .query(
                                "sum by (instance) (rate(tierlens_redis_evicted_keys_total{" + J
                                        + "}[$__rate_interval]))",
                                "{{instance}}"))
                .panel(timeseries("Redis keyspace hit ratio", "percentunit")
                        .description("Share of key lookups that found their key.")
                        .query(
                                "sum by (instance) (rate(tierlens_redis_keyspace_hits_total{" + J
                                        + "}[$__rate_interval])) / (sum by (instance)"
                                        + " (rate(tierlens_redis_keyspace_hits_total{" + J
                                        + "}[$__rate_interval])) + sum by (instance)"
                                        + " (rate(tierlens_redis_keyspace_misses_total{" + J + "}[$__rate_interval])))",
                                "{{instance}}")
                        .min(0)
                        .max(1));
    }
}
