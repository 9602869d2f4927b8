package io.tierlens.batch.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A Kubernetes CronJob as the batch exporter reports it: enough to see a job that never started (and so never
 * pushed anything), one that stopped being scheduled, and one whose newest Job failed.
 *
 * @param schedule the cron expression (for logs and docs; not a label)
 * @param created the CronJob's creation time
 * @param lastSchedule {@code status.lastScheduleTime}; empty if it was never scheduled
 * @param lastSuccessful {@code status.lastSuccessfulTime}; empty if no Job of it ever succeeded
 * @param activeJobs Jobs of it running now ({@code status.active})
 * @param lastJob the outcome of its newest Job, if any Job of it still exists
 */
public record CronJobState(
        String namespace,
        String name,
        String schedule,
        boolean suspended,
        Optional<Instant> created,
        Optional<Instant> lastSchedule,
        Optional<Instant> lastSuccessful,
        int activeJobs,
        Optional<JobOutcome> lastJob) {

    /** Outcome of one Kubernetes Job, from its conditions. */
    public enum JobOutcome {
        SUCCEEDED,
        FAILED,
        RUNNING
    }
}
