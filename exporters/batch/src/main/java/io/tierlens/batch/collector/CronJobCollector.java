package io.tierlens.batch.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.batch.model.CronJobState;
import io.tierlens.batch.model.CronJobState.JobOutcome;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.time.Instant;
import java.util.List;

/**
 * CronJob status as metrics (contract additions to METRICS.md "Batch jobs"). They complement what run-job pushes:
 * a job that never started has no pushed series, but its CronJob has a creation time and no schedule time.
 */
public final class CronJobCollector {
    public static final String CREATED = "tierlens_job_cronjob_created_timestamp_seconds";
    public static final String LAST_SCHEDULE = "tierlens_job_cronjob_last_schedule_timestamp_seconds";
    public static final String LAST_SUCCESSFUL = "tierlens_job_cronjob_last_successful_timestamp_seconds";
    public static final String SUSPENDED = "tierlens_job_cronjob_suspended";
    public static final String ACTIVE_JOBS = "tierlens_job_cronjob_active_jobs";
    public static final String LAST_JOB_FAILED = "tierlens_job_cronjob_last_job_failed";

    private static final String[] LABELS = {"namespace", "cronjob"};

    private CronJobCollector() {}

    public static MetricSnapshots collect(List<CronJobState> cronJobs) {
        SnapshotAssembler out = new SnapshotAssembler();
        var created = out.gauge(CREATED, "Unix time the CronJob was created.", LABELS);
        var lastSchedule = out.gauge(
                LAST_SCHEDULE,
                "Unix time the CronJob last created a Job (status.lastScheduleTime); absent if it never did.",
                LABELS);
        var lastSuccessful = out.gauge(
                LAST_SUCCESSFUL,
                "Unix time a Job of the CronJob last completed (status.lastSuccessfulTime); absent if none did.",
                LABELS);
        var suspended = out.gauge(SUSPENDED, "1 if the CronJob is suspended (spec.suspend), else 0.", LABELS);
        var active = out.gauge(ACTIVE_JOBS, "Jobs of the CronJob running now (status.active).", LABELS);
        var failed = out.gauge(
                LAST_JOB_FAILED,
                "1 if the CronJob's newest Job failed, 0 if it completed; absent while that Job runs or when"
                        + " no Job of it is left.",
                LABELS);
        for (CronJobState c : cronJobs) {
            String[] l = {c.namespace(), c.name()};
            c.created().ifPresent(t -> created.add(seconds(t), l));
            c.lastSchedule().ifPresent(t -> lastSchedule.add(seconds(t), l));
            c.lastSuccessful().ifPresent(t -> lastSuccessful.add(seconds(t), l));
            suspended.add(c.suspended() ? 1 : 0, l);
            active.add(c.activeJobs(), l);
            c.lastJob()
                    .filter(o -> o != JobOutcome.RUNNING)
                    .ifPresent(o -> failed.add(o == JobOutcome.FAILED ? 1 : 0, l));
        }
        return out.build();
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
