package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.bars;
import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.table;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.catalog.ExternalSource;
import io.tierlens.contract.dashboards.model.Dashboard;

/**
 * 010: the series `tierlens run-job` pushes to the Pushgateway (job = batch job, instance = CronJob), the CronJobs
 * as tierlens' batch exporter reads them from Kubernetes, and the CronJobs' schedule from kube-state-metrics.
 */
final class BatchJobs {
    private static final String B = "job=~\"$batch_job\", instance=~\"$cronjob\"";
    private static final String KSM = "cronjob=~\"$cronjob\"";
    /** tierlens' own CronJob series: job is tierlens' scrape job, cronjob the CronJob. */
    private static final String C = "job=~\"$job\", cronjob=~\"$cronjob\"";

    private BatchJobs() {}

    static Dashboard build() {
        Dashboard.Builder d = TierlensDashboard.BATCH_JOBS
                .builder()
                .description("Did every batch job succeed recently? Last success and last run, exit codes and"
                        + " durations pushed by `tierlens run-job` (scrape the Pushgateway with honor_labels), and"
                        + " the CronJobs' schedules.")
                .variable("batch_job", "Batch job", "label_values(tierlens_job_last_run_timestamp_seconds, job)")
                .variable(
                        "cronjob",
                        "CronJob",
                        "label_values(tierlens_job_last_run_timestamp_seconds{job=~\"$batch_job\"}, instance)");
        d.variable("job", "tierlens job", "label_values(tierlens_build_info, job)");
        lastRuns(d);
        tierlensCronJobs(d);
        cronJobs(d);
        return d.build();
    }

    private static void lastRuns(Dashboard.Builder d) {
        d.row("Last runs")
                .panel(bars("Time since last success", "s")
                        .description("Time since each job last succeeded; a daily job is late after 26 hours.")
                        .query(
                                "time() - max by (job, instance) (tierlens_job_last_success_timestamp_seconds{" + B
                                        + "})",
                                "{{job}} ({{instance}})")
                        .thresholds(86400, 93600))
                .panel(bars("Time since last run", "s")
                        .description("Time since each job last ran, successfully or not.")
                        .query(
                                "time() - max by (job, instance) (tierlens_job_last_run_timestamp_seconds{" + B + "})",
                                "{{job}} ({{instance}})")
                        .thresholds(86400, 93600))
                .panel(stat("Last exit code", "none")
                        .description("Exit code of each job's last run; 0 is success.")
                        .query(
                                "max by (job, instance) (tierlens_job_last_exit_code{" + B + "})",
                                "{{job}} ({{instance}})")
                        .mapping("0", "OK", "green")
                        .thresholds(0.5, 1)
                        .colorBackground()
                        .showNames()
                        .size(12, 6))
                .panel(stat("Jobs that never succeeded", "none")
                        .description("Jobs that pushed runs but never a success.")
                        .query(
                                "count(tierlens_job_last_run_timestamp_seconds{" + B
                                        + "} unless on (job, instance) tierlens_job_last_success_timestamp_seconds)"
                                        + " or vector(0)",
                                "")
                        .thresholds(0.5, 1)
                        .size(4, 6))
                .panel(table("Pushgateway groups", "s")
                        .description("Time since the Pushgateway last received a push for each group; groups of"
                                + " deleted CronJobs stay until deleted from the Pushgateway.")
                        .query("time() - max by (job, instance) (push_time_seconds{" + B + "})", "")
                        .column("Value", "last push")
                        .size(8, 6))
                .panel(timeseries("Duration", "s")
                        .description("How long each job's last run took.")
                        .query(
                                "max by (job, instance) (tierlens_job_duration_seconds{" + B + "})",
                                "{{job}} ({{instance}})")
                        .size(24, 8));
    }

    /** What the batch exporter reads from Kubernetes: works without a Pushgateway and without kube-state-metrics. */
    private static void tierlensCronJobs(Dashboard.Builder d) {
        d.row("CronJob status (tierlens)")
                .panel(stat("Newest Job of each CronJob", "none")
                        .description("Whether the newest Job of each CronJob succeeded or failed, as tierlens reads"
                                + " it from Kubernetes; 'running' while it runs, 'no Job kept' when Kubernetes"
                                + " has cleaned all of them up.")
                        .query(
                                "max by (namespace, cronjob) (tierlens_job_cronjob_last_job_failed{" + C
                                        + "}) or 2 + 0 *"
                                        + " max by (namespace, cronjob) (tierlens_job_cronjob_active_jobs{" + C
                                        + "} > 0) or 3 + 0 * max by (namespace, cronjob)"
                                        + " (tierlens_job_cronjob_created_timestamp_seconds{" + C + "})",
                                "{{namespace}}/{{cronjob}}")
                        .mapping("0", "succeeded", "green")
                        .mapping("1", "FAILED", "red")
                        .mapping("2", "running", "blue")
                        .mapping("3", "no Job kept", "text")
                        .colorBackground()
                        .showNames()
                        .size(8, 6))
                .panel(bars("Time since CronJob last succeeded", "s")
                        .description("Time since a Job of each CronJob last completed (status.lastSuccessfulTime);"
                                + " a daily job is late after 26 hours. A CronJob that never succeeded is missing.")
                        .query(
                                "time() - max by (namespace, cronjob)"
                                        + " (tierlens_job_cronjob_last_successful_timestamp_seconds{" + C + "})",
                                "{{namespace}}/{{cronjob}}")
                        .thresholds(86400, 93600)
                        .size(8, 6))
                .panel(table("CronJobs", "short")
                        .description("Jobs running now, whether the CronJob is suspended (1), and the time since it"
                                + " last created a Job, per CronJob.")
                        .query("max by (namespace, cronjob) (tierlens_job_cronjob_active_jobs{" + C + "})", "")
                        .query("max by (namespace, cronjob) (tierlens_job_cronjob_suspended{" + C + "})", "")
                        .query(
                                "round(time() - max by (namespace, cronjob)"
                                        + " (tierlens_job_cronjob_last_schedule_timestamp_seconds{" + C + "}))",
                                "")
                        .column("Value #A", "running Jobs")
                        .column("Value #B", "suspended")
                        .column("Value #C", "seconds since last scheduled")
                        .size(8, 6));
    }

    private static void cronJobs(Dashboard.Builder d) {
        String lastSchedule = "max by (namespace, cronjob) (kube_cronjob_status_last_schedule_time{" + KSM + "})";
        String nextSchedule = "max by (namespace, cronjob) (kube_cronjob_next_schedule_time{" + KSM + "})";
        d.row("CronJob schedules")
                .panel(bars("Schedule intervals since last success", "short")
                        .description("Time since each CronJob's last successful run, in schedule intervals (next"
                                + " minus last scheduled run); above 1 a run was missed or failed.")
                        .query(
                                "(time() - max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{" + KSM
                                        + "})) / (" + nextSchedule + " - " + lastSchedule + ")",
                                "{{namespace}}/{{cronjob}}")
                        .thresholds(1.5, 2)
                        .requires(ExternalSource.KUBE_STATE_METRICS)
                        .size(8, 8))
                .panel(bars("Next scheduled run in", "s")
                        .description("Time until each CronJob's next scheduled run.")
                        .query(nextSchedule + " - time()", "{{namespace}}/{{cronjob}}")
                        .requires(ExternalSource.KUBE_STATE_METRICS)
                        .size(8, 8))
                .panel(timeseries("Failed Jobs of CronJobs", "short")
                        .description("Failed pods of the Jobs each CronJob created.")
                        .query(
                                "sum by (namespace, owner_name) (kube_job_status_failed * on (namespace, job_name)"
                                        + " group_left (owner_name) kube_job_owner{owner_kind=\"CronJob\","
                                        + " owner_name=~\"$cronjob\"})",
                                "{{namespace}}/{{owner_name}}")
                        .requires(ExternalSource.KUBE_STATE_METRICS)
                        .size(8, 8));
    }
}
