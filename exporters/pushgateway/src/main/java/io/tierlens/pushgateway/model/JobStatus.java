package io.tierlens.pushgateway.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * What the Pushgateway knows of a job's runs, read back from the series {@code run-job} pushed.
 *
 * @param lastSuccess when the job last succeeded
 * @param lastSuccessDuration how long that successful run took (pushed by tierlens run-job; absent for jobs
 *     pushed by other tools)
 * @param lastRun when the job last finished, whatever the outcome
 * @param lastExitCode exit code of that run
 */
public record JobStatus(
        Optional<Instant> lastSuccess,
        Optional<Duration> lastSuccessDuration,
        Optional<Instant> lastRun,
        Optional<Integer> lastExitCode) {

    public static JobStatus of(PushedGroup group) {
        return new JobStatus(
                group.value(JobMetricNames.LAST_SUCCESS)
                        .filter(JobStatus::plausible)
                        .map(JobStatus::instant),
                group.value(JobMetricNames.LAST_SUCCESS_DURATION)
                        .filter(d -> d >= 0 && Double.isFinite(d))
                        .map(d -> Duration.ofMillis(Math.round(d * 1000))),
                group.value(JobMetricNames.LAST_RUN)
                        .filter(JobStatus::plausible)
                        .map(JobStatus::instant),
                group.value(JobMetricNames.LAST_EXIT_CODE).map(Double::intValue));
    }

    /**
     * The status of {@code job} (and {@code instance} when given) among {@code groups}: when several groups match
     * (one job pushed from several instances), the one with the newest success.
     */
    public static Optional<JobStatus> find(Collection<PushedGroup> groups, String job, Optional<String> instance) {
        return groups.stream()
                .filter(g -> g.job().equals(job))
                .filter(g -> instance.isEmpty() || g.instance().equals(instance))
                .map(JobStatus::of)
                .max(Comparator.comparing(s -> s.lastSuccess().orElse(Instant.EPOCH)));
    }

    /**
     * When the data of the last successful run was taken: its start (success time minus its duration), or the
     * success time itself when the duration is unknown.
     */
    public Optional<Instant> lastSuccessStart() {
        return lastSuccess.map(t -> lastSuccessDuration.map(t::minus).orElse(t));
    }

    /**
     * A timestamp in seconds between 2001 and 2286; milliseconds (the Java client's own Javadoc example) would be
     * far beyond, and are refused rather than read as a date in the year 50,000.
     */
    private static boolean plausible(double seconds) {
        return Double.isFinite(seconds) && seconds > 1e9 && seconds < 1e10;
    }

    private static Instant instant(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }
}
