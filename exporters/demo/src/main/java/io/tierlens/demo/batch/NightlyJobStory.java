package io.tierlens.demo.batch;

import io.tierlens.demo.Scenario;
import io.tierlens.pushgateway.model.JobMetricNames;
import io.tierlens.pushgateway.model.JobRun;
import io.tierlens.pushgateway.model.PushedGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's batch jobs, in scenario time (each 30-minute {@link Scenario#CYCLE} stands for three nights):
 *
 * <ul>
 *   <li>{@value #BACKUP_JOB}, the nightly dump to the DR site: starts at minutes 2, 12 and 22 of every cycle and
 *       runs 3 minutes; the runs at 2 and 12 succeed, the run at 22 fails with exit code 1. The DR site's RPO
 *       therefore grows to 23 scenario minutes before the next cycle's first success.
 *   <li>{@value #DRILL_JOB}, the DR failover drill: runs from minute 16 to 25 and succeeds (its wall time is the
 *       measured RTO); the DR exporter's failover story happens inside it.
 *   <li>{@value #NEVER_STARTED_JOB}: a CronJob that was created but never scheduled, so it never pushed.
 * </ul>
 *
 * The story runs backwards in time too, so a demo that just started already has a history. Documented in
 * {@code docs/demo.md}.
 */
public final class NightlyJobStory {
    public static final String BACKUP_JOB = "db-backup";
    public static final String DRILL_JOB = "dr-drill";
    public static final String NEVER_STARTED_JOB = "report-export";
    public static final String NAMESPACE = "shop";

    static final List<Duration> BACKUP_STARTS =
            List.of(Duration.ofMinutes(2), Duration.ofMinutes(12), Duration.ofMinutes(22));
    static final Duration BACKUP_RUNTIME = Duration.ofMinutes(3);
    static final int FAILING_BACKUP = 2;
    public static final Duration DRILL_START = Duration.ofMinutes(16);
    public static final Duration DRILL_END = Duration.ofMinutes(25);

    private final Scenario scenario;

    public NightlyJobStory(Scenario scenario) {
        this.scenario = scenario;
    }

    /**
     * Runs of {@code job} that started at or before {@code at}, newest first, over the last three cycles (a run's
     * {@code finished} may be after {@code at}: it is still running).
     */
    private List<JobRun> startedRuns(String job, Instant at) {
        long now = scenarioMillis(at);
        long cycle = Scenario.CYCLE.toMillis();
        long current = Math.floorDiv(now, cycle);
        List<JobRun> out = new ArrayList<>();
        for (long c = current; c >= current - 3; c--) {
            List<JobRun> inCycle = new ArrayList<>();
            if (job.equals(BACKUP_JOB)) {
                for (int i = 0; i < BACKUP_STARTS.size(); i++) {
                    long start = c * cycle + BACKUP_STARTS.get(i).toMillis();
                    long end = start + BACKUP_RUNTIME.toMillis();
                    inCycle.add(new JobRun(real(start), real(end), i == FAILING_BACKUP ? 1 : 0));
                }
            } else if (job.equals(DRILL_JOB)) {
                long start = c * cycle + DRILL_START.toMillis();
                inCycle.add(new JobRun(real(start), real(c * cycle + DRILL_END.toMillis()), 0));
            }
            for (int i = inCycle.size() - 1; i >= 0; i--) {
                if (!inCycle.get(i).started().isAfter(at)) {
                    out.add(inCycle.get(i));
                }
            }
        }
        return out;
    }

    /** The newest run of {@code job} that had finished by {@code at}. */
    public Optional<JobRun> lastFinished(String job, Instant at) {
        return startedRuns(job, at).stream()
                .filter(r -> !r.finished().isAfter(at))
                .findFirst();
    }

    /** The newest successful run of {@code job} that had finished by {@code at}. */
    public Optional<JobRun> lastSucceeded(String job, Instant at) {
        return startedRuns(job, at).stream()
                .filter(r -> !r.finished().isAfter(at) && r.succeeded())
                .findFirst();
    }

    /** The newest started run of {@code job}, finished or not. */
    public Optional<JobRun> lastStarted(String job, Instant at) {
        return startedRuns(job, at).stream().findFirst();
    }

    /**
     * What the Pushgateway holds at {@code at} after run-job pushed every finished run with add semantics: the
     * last run's values, and the success values of the last successful run.
     */
    public List<PushedGroup> pushedGroups(Instant at) {
        List<PushedGroup> groups = new ArrayList<>();
        for (String job : List.of(BACKUP_JOB, DRILL_JOB)) {
            Map<String, Double> values = new HashMap<>();
            lastSucceeded(job, at).ifPresent(r -> {
                values.put(JobMetricNames.LAST_SUCCESS, seconds(r.finished()));
                values.put(JobMetricNames.LAST_SUCCESS_DURATION, r.duration().toMillis() / 1000.0);
            });
            lastFinished(job, at).ifPresent(r -> {
                values.put(JobMetricNames.LAST_RUN, seconds(r.finished()));
                values.put(JobMetricNames.DURATION, r.duration().toMillis() / 1000.0);
                values.put(JobMetricNames.LAST_EXIT_CODE, (double) r.exitCode());
            });
            if (!values.isEmpty()) {
                // run-job --job NAME --instance NAME, as the CronJob example in docs/exporters/batch.md does
                groups.add(new PushedGroup(Map.of("job", job, "instance", job), values));
            }
        }
        return groups;
    }

    /** Scenario milliseconds since the start at real instant {@code at}; negative before the start. */
    private long scenarioMillis(Instant at) {
        return (long) (Duration.between(scenario.realStart(), at).toMillis() * scenario.speed());
    }

    private Instant real(long scenarioMillis) {
        return scenario.realStart().plusMillis((long) (scenarioMillis / scenario.speed()));
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
