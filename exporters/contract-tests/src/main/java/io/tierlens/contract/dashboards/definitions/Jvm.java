package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.catalog.ExternalSource;
import io.tierlens.contract.dashboards.model.Dashboard;

/**
 * 003: the WAS pods under Spring Boot / Micrometer names, and tierlens' own JVM under client_java names. The
 * two share jvm_memory_used_bytes, so WAS panels drop tierlens' targets and tierlens panels keep only them.
 */
final class Jvm {
    private static final String W = "job=~\"$was_job\", namespace=~\"$namespace\"";
    private static final String T = "job=~\"$job\"";
    private static final String NOT_TIERLENS = " unless on (job, instance) tierlens_build_info";
    private static final String ONLY_TIERLENS = " and on (job, instance) tierlens_build_info";

    private Jvm() {}

    static Dashboard build() {
        Dashboard.Builder d = TierlensDashboard.JVM
                .builder()
                .description("Heap, garbage collection, threads and connection pools of the Spring Boot WAS"
                        + " pods (Micrometer names), and the JVM of tierlens itself (client_java names).")
                .variable("was_job", "WAS job", "label_values(jvm_threads_live_threads, job)")
                .variable(
                        "namespace",
                        "WAS namespace",
                        "label_values(jvm_threads_live_threads{job=~\"$was_job\"}, namespace)")
                .variable("job", "tierlens job", "label_values(tierlens_build_info, job)");
        Workloads.tierVariables(d);
        wasMemory(d);
        wasThreadsAndPools(d);
        tierlens(d);
        Workloads.errorLogs(d);
        return d.build();
    }

    private static void wasMemory(Dashboard.Builder d) {
        d.row("WAS heap and garbage collection")
                .panel(timeseries("WAS heap used", "bytes")
                        .description("Heap used per WAS pod, all heap pools.")
                        .query(
                                "sum by (job, instance) (jvm_memory_used_bytes{" + W + ", area=\"heap\"})"
                                        + NOT_TIERLENS,
                                "{{instance}}")
                        .requires(ExternalSource.MICROMETER))
                .panel(timeseries("WAS heap used / max", "percentunit")
                        .description("Heap used per WAS pod as a share of the maximum heap; near 100 % after GC"
                                + " means the pod is about to fail with OutOfMemoryError.")
                        .query(
                                "sum by (job, instance) (jvm_memory_used_bytes{" + W + ", area=\"heap\"}) / sum by"
                                        + " (job, instance) (jvm_memory_max_bytes{" + W + ", area=\"heap\"} > 0)"
                                        + NOT_TIERLENS,
                                "{{instance}}")
                        .min(0)
                        .max(1)
                        .requires(ExternalSource.MICROMETER))
                .panel(timeseries("WAS non-heap used", "bytes")
                        .description("Metaspace, code cache and other non-heap memory per WAS pod.")
                        .query(
                                "sum by (job, instance) (jvm_memory_used_bytes{" + W + ", area=\"nonheap\"})"
                                        + NOT_TIERLENS,
                                "{{instance}}")
                        .requires(ExternalSource.MICROMETER)
                        .size(8, 8))
                .panel(timeseries("WAS GC pause time per second", "percentunit")
                        .description("Share of wall time each WAS pod spent in GC pauses, by GC action.")
                        .query(
                                "sum by (instance, action) (rate(jvm_gc_pause_seconds_sum{" + W
                                        + "}[$__rate_interval]))",
                                "{{instance}} {{action}}")
                        .requires(ExternalSource.MICROMETER)
                        .size(8, 8))
                .panel(timeseries("WAS GC pauses per second", "cps")
                        .description("GC pauses per second per WAS pod, by GC action.")
                        .query(
                                "sum by (instance, action) (rate(jvm_gc_pause_seconds_count{" + W
                                        + "}[$__rate_interval]))",
                                "{{instance}} {{action}}")
                        .requires(ExternalSource.MICROMETER)
                        .size(8, 8))
                .panel(timeseries("WAS longest GC pause", "s")
                        .description("Longest GC pause per WAS pod in Micrometer's recent window; long pauses"
                                + " show up as ALB latency.")
                        .query("max by (instance) (jvm_gc_pause_seconds_max{" + W + "})", "{{instance}}")
                        .requires(ExternalSource.MICROMETER))
                .panel(timeseries("WAS allocation rate", "Bps")
                        .description("Bytes allocated in the young generation per second per WAS pod.")
                        .query(
                                "sum by (instance) (rate(jvm_gc_memory_allocated_bytes_total{" + W
                                        + "}[$__rate_interval]))",
                                "{{instance}}")
                        .requires(ExternalSource.MICROMETER));
    }

    private static void wasThreadsAndPools(Dashboard.Builder d) {
        d.row("WAS threads, CPU, requests and connection pools")
                .panel(timeseries("WAS live threads", "short")
                        .description("Live threads per WAS pod.")
                        .query("sum by (instance) (jvm_threads_live_threads{" + W + "})", "{{instance}}")
                        .requires(ExternalSource.MICROMETER)
                        .size(8, 8))
                .panel(timeseries("WAS thread states", "short")
                        .description(
                                "Threads by state over all WAS pods; many BLOCKED threads mean lock" + " contention.")
                        .query("sum by (state) (jvm_threads_states_threads{" + W + "})", "{{state}}")
                        .requires(ExternalSource.MICROMETER)
                        .size(8, 8))
                .panel(timeseries("WAS process CPU", "percentunit")
                        .description("CPU usage of each WAS JVM as a share of the CPUs it may use.")
                        .query("max by (instance) (process_cpu_usage{" + W + "})", "{{instance}}")
                        .requires(ExternalSource.MICROMETER)
                        .size(8, 8))
                .panel(timeseries("WAS HTTP requests by status", "reqps")
                        .description("Requests per second Spring MVC answered, by HTTP status.")
                        .query(
                                "sum by (status) (rate(http_server_requests_seconds_count{" + W
                                        + "}[$__rate_interval]))",
                                "{{status}}")
                        .requires(ExternalSource.MICROMETER))
                .panel(timeseries("Hikari connections", "short")
                        .description("JDBC connections per Hikari pool: active, idle, threads waiting for one"
                                + " (pending) and the pool's maximum.")
                        .query("sum by (pool) (hikaricp_connections_active{" + W + "})", "{{pool}} active")
                        .query("sum by (pool) (hikaricp_connections_idle{" + W + "})", "{{pool}} idle")
                        .query("sum by (pool) (hikaricp_connections_pending{" + W + "})", "{{pool}} pending")
                        .query("sum by (pool) (hikaricp_connections_max{" + W + "})", "{{pool}} max")
                        .requires(ExternalSource.MICROMETER))
                .panel(timeseries("Hikari connection acquire time", "s")
                        .description("Average time a request waited to get a JDBC connection from the pool.")
                        .query(
                                "sum by (pool) (rate(hikaricp_connections_acquire_seconds_sum{" + W
                                        + "}[$__rate_interval])) / sum by (pool)"
                                        + " (rate(hikaricp_connections_acquire_seconds_count{" + W
                                        + "}[$__rate_interval]))",
                                "{{pool}}")
                        .requires(ExternalSource.MICROMETER))
                .panel(timeseries("Hikari connection timeouts", "cps")
                        .description("Requests per second that gave up waiting for a JDBC connection.")
                        .query(
                                "sum by (pool) (rate(hikaricp_connections_timeout_total{" + W + "}[$__rate_interval]))",
                                "{{pool}}")
                        .requires(ExternalSource.MICROMETER));
    }

    private static void tierlens(Dashboard.Builder d) {
        d.row("tierlens JVM")
                .panel(timeseries("tierlens heap used and max", "bytes")
                        .description("Heap used and maximum of each tierlens process.")
                        .query("jvm_memory_used_bytes{" + T + ", area=\"heap\"}" + ONLY_TIERLENS, "{{instance}} used")
                        .query("jvm_memory_max_bytes{" + T + ", area=\"heap\"}" + ONLY_TIERLENS, "{{instance}} max")
                        .size(8, 8))
                .panel(timeseries("tierlens GC time per second", "percentunit")
                        .description(
                                "Share of wall time each tierlens process spent collecting garbage, by" + " collector.")
                        .query(
                                "sum by (job, instance, gc) (rate(jvm_gc_collection_seconds_sum{" + T
                                        + "}[$__rate_interval]))" + ONLY_TIERLENS,
                                "{{instance}} {{gc}}")
                        .size(8, 8))
                .panel(timeseries("tierlens resident memory", "bytes")
                        .description("Resident set size of each tierlens process, what the container limit counts.")
                        .query("process_resident_memory_bytes{" + T + "}" + ONLY_TIERLENS, "{{instance}}")
                        .size(8, 8))
                .panel(timeseries("tierlens CPU", "percentunit")
                        .description("CPU used by each tierlens process, as a share of one core (100 % = one"
                                + " core busy).")
                        .query(
                                "rate(process_cpu_seconds_total{" + T + "}[$__rate_interval])" + ONLY_TIERLENS,
                                "{{instance}}")
                        .size(8, 8))
                .panel(timeseries("tierlens threads", "short")
                        .description("Live and daemon threads of each tierlens process.")
                        .query("jvm_threads_current{" + T + "}" + ONLY_TIERLENS, "{{instance}} live")
                        .query("jvm_threads_daemon{" + T + "}" + ONLY_TIERLENS, "{{instance}} daemon")
                        .size(8, 8))
                .panel(timeseries("tierlens open file descriptors", "short")
                        .description("Open file descriptors (sockets included) and the limit per tierlens process.")
                        .query("process_open_fds{" + T + "}" + ONLY_TIERLENS, "{{instance}} open")
                        .query("process_max_fds{" + T + "}" + ONLY_TIERLENS, "{{instance}} limit")
                        .size(8, 8))
                .panel(stat("tierlens uptime", "s")
                        .description("Time since each tierlens process started.")
                        .query("time() - process_start_time_seconds{" + T + "}" + ONLY_TIERLENS, "{{instance}}")
                        .showNames()
                        .size(24, 4));
    }
}
