package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.bars;
import static io.tierlens.contract.dashboards.definitions.Panels.linkTo;
import static io.tierlens.contract.dashboards.definitions.Panels.orZeroWhileUp;
import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.catalog.ExternalSource;
import io.tierlens.contract.dashboards.model.Dashboard;

/** 001: one screen per tier (web, WAS, DB, Redis) plus exporter health, with links to every detail dashboard. */
final class SystemOverview {
    private static final String J = "job=~\"$job\"";
    private static final String WAS = "job=~\"$was_job\"";
    /** Jobs that served Micrometer metrics lately: they still count when all their pods are gone. */
    private static final String MICROMETER_JOBS =
            "group by (job) (present_over_time(jvm_threads_live_threads{" + WAS + "}[1h]))";

    private SystemOverview() {}

    static Dashboard build() {
        Dashboard.Builder d = TierlensDashboard.SYSTEM_OVERVIEW
                .builder()
                .description("Is each tier of the application healthy, what does it cost, are backups and DR real,"
                        + " and is tierlens itself working? Every row links to its detail dashboard.")
                .variable("job", "tierlens job", "label_values(tierlens_build_info, job)")
                .variable("was_job", "WAS job", "label_values(jvm_threads_live_threads, job)");
        Workloads.variables(d);
        TierlensHealthRow.row(d);
        web(d);
        was(d);
        Workloads.row(d);
        db(d);
        redis(d);
        resilience(d);
        costAndCapacity(d);
        Workloads.errorLogs(d);
        return d.build();
    }

    private static void web(Dashboard.Builder d) {
        String fiveXx = "sum(tierlens_alb_http_responses_per_second{" + J + ", code_class=\"5xx\"})";
        d.row("Web tier (ALB)")
                .panel(linkTo(
                        stat("Requests", "reqps")
                                .description("Requests per second over all ALBs.")
                                .query("sum(tierlens_alb_requests_per_second{" + J + "})", "")
                                .size(6, 4),
                        TierlensDashboard.AWS_INFRASTRUCTURE))
                .panel(linkTo(
                                stat("5xx ratio", "percentunit")
                                        .description(
                                                "Share of requests answered with 5xx by the ALBs or their targets. The"
                                                        + " availability objective (99.5 %) allows 0.5 %.")
                                        .query(fiveXx + " / sum(tierlens_alb_requests_per_second{" + J + "})", "")
                                        .thresholds(0.005, 0.02),
                                TierlensDashboard.AWS_INFRASTRUCTURE)
                        .size(6, 4))
                .panel(linkTo(
                        stat("Target p99 (slowest ALB)", "s")
                                .description("99th percentile target response time of the slowest ALB. The latency"
                                        + " objective is 99 % of requests within 1 s.")
                                .query(
                                        "max(tierlens_alb_target_response_time_seconds{" + J + ", statistic=\"p99\"})",
                                        "")
                                .thresholds(0.5, 1)
                                .size(6, 4),
                        TierlensDashboard.AWS_INFRASTRUCTURE))
                .panel(linkTo(
                        stat("Unhealthy targets", "none")
                                .description("Targets failing their ALB health checks, over all target groups.")
                                .query("sum(tierlens_alb_target_group_unhealthy_targets{" + J + "})", "")
                                .thresholds(1, 3)
                                .size(6, 4),
                        TierlensDashboard.AWS_INFRASTRUCTURE))
                .panel(timeseries("5xx ratio by ALB", "percentunit")
                        .description("Share of requests answered with 5xx (ELB- and target-generated) per ALB.")
                        .query(
                                "sum by (load_balancer) (tierlens_alb_http_responses_per_second{" + J
                                        + ", code_class=\"5xx\"}) / sum by (load_balancer)"
                                        + " (tierlens_alb_requests_per_second{" + J + "})",
                                "{{load_balancer}}"))
                .panel(timeseries("Target response time p99 by ALB", "s")
                        .description(
                                "99th percentile time the targets (nginx, then the WAS) took to answer, per" + " ALB.")
                        .query(
                                "max by (load_balancer) (tierlens_alb_target_response_time_seconds{" + J
                                        + ", statistic=\"p99\"})",
                                "{{load_balancer}}"));
    }

    private static void was(Dashboard.Builder d) {
        d.row("WAS tier (Spring Boot)")
                .panel(linkTo(
                        stat("Target 5xx ratio", "percentunit")
                                .description("Share of requests the pods behind the ALBs answered with 5xx; nginx"
                                        + " passes the WAS errors through.")
                                .query(
                                        "sum(tierlens_alb_http_responses_per_second{" + J
                                                + ", source=\"target\", code_class=\"5xx\"}) /"
                                                + " sum(tierlens_alb_requests_per_second{" + J + "})",
                                        "")
                                .thresholds(0.001, 0.01)
                                .size(6, 4),
                        TierlensDashboard.JVM))
                .panel(linkTo(
                        stat("WAS targets up", "percentunit")
                                .description("Share of the WAS scrape targets Prometheus reaches, per job that"
                                        + " exported Micrometer metrics in the last hour; 0 % when every target of"
                                        + " such a job is gone.")
                                .query(
                                        "(sum by (job) (up{" + WAS + "}) / count by (job) (up{" + WAS
                                                + "}) and on (job) " + MICROMETER_JOBS + ") or (0 * " + MICROMETER_JOBS
                                                + ")",
                                        "{{job}}")
                                .thresholdsLowIsBad(0.5, 1)
                                .requires(ExternalSource.MICROMETER)
                                .size(6, 4),
                        TierlensDashboard.JVM))
                .panel(linkTo(
                        stat("Heap used (fullest pod)", "percentunit")
                                .description("Heap used of the WAS pod whose heap is fullest, as a share of its"
                                        + " maximum.")
                                .query(
                                        "max(sum by (job, instance) (jvm_memory_used_bytes{" + WAS
                                                + ", area=\"heap\"}) / sum by (job, instance)"
                                                + " (jvm_memory_max_bytes{" + WAS
                                                + ", area=\"heap\"} > 0) unless on (job, instance)"
                                                + " tierlens_build_info)",
                                        "")
                                .thresholds(0.8, 0.9)
                                .requires(ExternalSource.MICROMETER)
                                .size(6, 4),
                        TierlensDashboard.JVM))
                .panel(linkTo(
                        stat("Hikari pool usage (fullest pool)", "percentunit")
                                .description("Active JDBC connections of the fullest Hikari pool as a share of its"
                                        + " maximum size; at 100 % requests queue for a connection.")
                                .query(
                                        "max(hikaricp_connections_active{" + WAS + "} / hikaricp_connections_max{" + WAS
                                                + "})",
                                        "")
                                .thresholds(0.8, 0.95)
                                .requires(ExternalSource.MICROMETER)
                                .size(6, 4),
                        TierlensDashboard.JVM))
                .panel(timeseries("Target 5xx ratio by ALB", "percentunit")
                        .description("Share of requests answered with 5xx by the targets, per ALB.")
                        .query(
                                "sum by (load_balancer) (tierlens_alb_http_responses_per_second{" + J
                                        + ", source=\"target\", code_class=\"5xx\"}) / sum by (load_balancer)"
                                        + " (tierlens_alb_requests_per_second{" + J + "})",
                                "{{load_balancer}}"))
                .panel(timeseries("GC pause time per second by pod", "percentunit")
                        .description("Share of wall time each WAS pod spent in garbage-collection pauses.")
                        .query(
                                "sum by (job, instance) (rate(jvm_gc_pause_seconds_sum{" + WAS
                                        + "}[$__rate_interval]))",
                                "{{instance}}")
                        .requires(ExternalSource.MICROMETER));
    }

    private static void db(Dashboard.Builder d) {
        d.row("DB tier (RDS)")
                .panel(linkTo(
                        stat("Instances not available", "none")
                                .description("RDS instances whose status is anything but available.")
                                .query(
                                        "count(tierlens_rds_instance_status{" + J + ", status!=\"available\"} == 1)"
                                                + orZeroWhileUp("rds", J),
                                        "")
                                .thresholds(0.5, 1)
                                .size(6, 4),
                        TierlensDashboard.AWS_INFRASTRUCTURE))
                .panel(linkTo(
                        stat("CPU (busiest instance)", "percentunit")
                                .description("Average CPU utilisation of the busiest RDS instance.")
                                .query("max(tierlens_rds_cpu_utilization_ratio{" + J + ", statistic=\"average\"})", "")
                                .thresholds(0.7, 0.9)
                                .size(6, 4),
                        TierlensDashboard.AWS_INFRASTRUCTURE))
                .panel(linkTo(
                        stat("Connections (busiest instance)", "short")
                                .description("Database connections of the RDS instance with the most (CloudWatch"
                                        + " Maximum).")
                                .query("max(tierlens_rds_database_connections{" + J + "})", "")
                                .size(6, 4),
                        TierlensDashboard.AWS_INFRASTRUCTURE))
                .panel(linkTo(
                        stat("Free storage (fullest instance)", "percentunit")
                                .description("Free storage of the fullest RDS instance as a share of its allocated"
                                        + " storage.")
                                .query(
                                        "min(tierlens_rds_free_storage_bytes{" + J
                                                + "} / tierlens_rds_allocated_storage_bytes{" + J + "})",
                                        "")
                                .thresholdsLowIsBad(0.1, 0.2)
                                .size(6, 4),
                        TierlensDashboard.AWS_INFRASTRUCTURE))
                .panel(timeseries("RDS CPU by instance", "percentunit")
                        .description("Average CPU utilisation per RDS instance.")
                        .query(
                                "max by (db_instance) (tierlens_rds_cpu_utilization_ratio{" + J
                                        + ", statistic=\"average\"})",
                                "{{db_instance}}")
                        .min(0)
                        .max(1))
                .panel(timeseries("RDS free storage by instance", "bytes")
                        .description("Free storage per RDS instance (CloudWatch Minimum).")
                        .query("min by (db_instance) (tierlens_rds_free_storage_bytes{" + J + "})", "{{db_instance}}"));
    }

    private static void redis(Dashboard.Builder d) {
        d.row("Redis (sessions)")
                .panel(linkTo(
                        stat("Redis up", "none")
                                .description("Whether tierlens reaches every Redis that holds sessions. DOWN too when"
                                        + " tierlens reported Redis within the last hour and reports nothing now.")
                                .query(
                                        "min(tierlens_redis_up{" + J + "}) or 0 * max(max_over_time(tierlens_redis_up{"
                                                + J + "}[1h]))",
                                        "")
                                .upDown("UP", "DOWN")
                                .size(6, 4),
                        TierlensDashboard.SESSION))
                .panel(linkTo(
                        stat("Active sessions", "short")
                                .description("Spring Sessions that have not expired, over all namespaces.")
                                .query("sum(tierlens_session_active{" + J + "})", "")
                                .size(6, 4),
                        TierlensDashboard.SESSION))
                .panel(linkTo(
                        stat("Redis memory used", "bytes")
                                .description("Memory used by the session Redis instances.")
                                .query("sum(tierlens_redis_used_memory_bytes{" + J + "})", "")
                                .size(6, 4),
                        TierlensDashboard.SESSION))
                .panel(linkTo(
                        stat("Redis clients", "short")
                                .description("Clients connected to the session Redis instances.")
                                .query("sum(tierlens_redis_connected_clients{" + J + "})", "")
                                .size(6, 4),
                        TierlensDashboard.SESSION))
                .panel(timeseries("Active sessions by namespace", "short")
                        .description("Spring Sessions that have not expired, per session namespace.")
                        .query("sum by (namespace) (tierlens_session_active{" + J + "})", "{{namespace}}"))
                .panel(timeseries("Redis keyspace hit ratio", "percentunit")
                        .description("Share of key lookups that found their key; session reads of expired or"
                                + " evicted sessions miss.")
                        .query(
                                "sum(rate(tierlens_redis_keyspace_hits_total{" + J + "}[$__rate_interval])) /"
                                        + " (sum(rate(tierlens_redis_keyspace_hits_total{" + J
                                        + "}[$__rate_interval])) + sum(rate(tierlens_redis_keyspace_misses_total{"
                                        + J + "}[$__rate_interval])))",
                                "hit ratio")
                        .min(0)
                        .max(1));
    }

    private static void resilience(Dashboard.Builder d) {
        d.row("Backups, DR and batch jobs")
                .panel(linkTo(
                        stat("Active site", "none")
                                .description("The site Route53 sends each failover record's users to now (an"
                                        + " instant query: a site that served earlier in the time range is not"
                                        + " shown). 'unconfirmed' while public DNS does not yet answer with it.")
                                .query(DrQueries.currentSite(J), "{{record}} → {{site}}")
                                .mapping("1", "serving", "green")
                                .mapping("2", "serving, DNS unconfirmed", "orange")
                                .showNames()
                                .size(6, 4),
                        TierlensDashboard.DR_STATUS))
                .panel(linkTo(
                        stat("DR copy age / RPO", "percentunit")
                                .description("Age of the newest copy the DR site can use, as a share of the RPO"
                                        + " target; above 100 % a failover loses more data than agreed.")
                                .query(
                                        "max(tierlens_dr_rpo_seconds{" + J + "} / on (site) group_left () max by"
                                                + " (site) (tierlens_dr_rpo_target_seconds{" + J + "}))",
                                        "")
                                .thresholds(0.8, 1)
                                .size(4, 4),
                        TierlensDashboard.DR_STATUS))
                .panel(linkTo(
                        stat("PITR lag (worst instance)", "s")
                                .description("How far behind now the latest restorable time of the worst RDS instance"
                                        + " is; RDS normally keeps it within 5 minutes.")
                                .query(
                                        "max(time() - tierlens_backup_rds_latest_restorable_timestamp_seconds{" + J
                                                + "})",
                                        "")
                                .thresholds(900, 3600)
                                .size(4, 4),
                        TierlensDashboard.RDS_BACKUP))
                .panel(linkTo(
                        stat("Failed AWS Backup jobs", "none")
                                .description("AWS Backup jobs that failed, were aborted or expired in the look-back"
                                        + " window.")
                                .query(
                                        "sum(tierlens_backup_jobs{" + J
                                                + ", state=~\"failed|aborted|expired\"})"
                                                + orZeroWhileUp("backup", J),
                                        "")
                                .thresholds(0.5, 1)
                                .size(4, 4),
                        TierlensDashboard.RDS_BACKUP))
                .panel(linkTo(
                        stat("Failing batch jobs", "none")
                                .description("CronJobs whose last run failed: it pushed a non-zero exit code through"
                                        + " `tierlens run-job`, or tierlens sees its newest Job failed in"
                                        + " Kubernetes. A job reported by both counts once. 0 only while tierlens'"
                                        + " batch exporter or the Pushgateway's series are there.")
                                .query(
                                        "count(max by (cronjob) (label_replace(tierlens_job_last_exit_code != 0,"
                                                + " \"cronjob\", \"$1\", \"instance\", \"(.*)\")) or max by (cronjob)"
                                                + " (tierlens_job_cronjob_last_job_failed{" + J + "} == 1))"
                                                + orZeroWhileUp("batch", J)
                                                + " or 0 * count(tierlens_job_last_run_timestamp_seconds)",
                                        "")
                                .thresholds(0.5, 1)
                                .size(3, 4),
                        TierlensDashboard.BATCH_JOBS))
                .panel(stat("Firing tierlens alerts", "none")
                        .description("tierlens alerts firing now in this Prometheus (needs the rules of alerts/"
                                + " loaded).")
                        .query("count(ALERTS{alertname=~\"Tierlens.*\", alertstate=\"firing\"}) or vector(0)", "")
                        .thresholds(0.5, 1)
                        .size(3, 4));
    }

    private static void costAndCapacity(Dashboard.Builder d) {
        d.row("Cost and capacity")
                .panel(linkTo(
                        stat("Hourly cost", "currencyUSD")
                                .description("What the application's AWS resources cost per hour now, all tiers.")
                                .query("sum(tierlens_cost_hourly_usd{" + J + "})", "")
                                .size(6, 4),
                        TierlensDashboard.COST))
                .panel(linkTo(
                        stat("Month to date", "currencyUSD")
                                .description("This month's spend so far according to Cost Explorer.")
                                .query("sum(tierlens_cost_month_to_date_usd{" + J + "})", "")
                                .size(6, 4),
                        TierlensDashboard.COST))
                .panel(linkTo(
                        stat("Pending pods", "none")
                                .description("Unschedulable pods: no node fits them, so they wait for Karpenter."
                                        + " Gated pods and pods still starting do not count.")
                                .query(
                                        "sum(tierlens_karpenter_pending_pods{" + J + ", reason=\"unschedulable\"})"
                                                + orZeroWhileUp("karpenter", J),
                                        "")
                                .thresholds(1, 10)
                                .size(6, 4),
                        TierlensDashboard.KARPENTER))
                .panel(linkTo(
                        stat("Spot share of nodes", "percentunit")
                                .description("Share of Karpenter nodes running on spot capacity.")
                                .query(
                                        "(sum(tierlens_karpenter_nodes{" + J
                                                + ", capacity_type=\"spot\"}) or vector(0)) /"
                                                + " sum(tierlens_karpenter_nodes{" + J + "})",
                                        "")
                                .size(6, 4),
                        TierlensDashboard.KARPENTER))
                .panel(bars("Hourly cost by tier", "currencyUSD")
                        .description("Hourly cost per tier (web, was, db, shared).")
                        .query("sum by (tier) (tierlens_cost_hourly_usd{" + J + "})", "{{tier}}"))
                .panel(bars("NodePool usage of limits", "percentunit")
                        .description("Each NodePool's usage of its limits per resource; at 100 % Karpenter"
                                + " launches no more nodes.")
                        .query(
                                "max by (nodepool, resource) (tierlens_karpenter_nodepool_usage{" + J
                                        + "} / tierlens_karpenter_nodepool_limit{" + J + "})",
                                "{{nodepool}} {{resource}}")
                        .min(0)
                        .max(1)
                        .thresholds(0.8, 0.9));
    }
}
