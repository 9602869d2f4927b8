package io.tierlens.demo.batch;

import io.tierlens.batch.client.CronJobApi;
import io.tierlens.batch.model.CronJobState;
import io.tierlens.batch.model.CronJobState.JobOutcome;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;
import io.tierlens.pushgateway.model.JobRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The batch exporter's part of the demo: a simulated {@link CronJobApi} whose CronJobs follow the
 * {@link NightlyJobStory} (the same runs the DR exporter's simulated Pushgateway reports).
 */
public final class BatchDemoSimulation implements DemoSimulation {
    private final Scenario scenario;
    private final NightlyJobStory story;

    public BatchDemoSimulation(Scenario scenario) {
        this.scenario = scenario;
        this.story = new NightlyJobStory(scenario);
    }

    @Override
    public void install(DemoApiClients clients) {
        clients.register(CronJobApi.class, t ->
                (CronJobApi) () -> cronJobs(scenario.realClock().instant()));
    }

    List<CronJobState> cronJobs(Instant at) {
        Instant created = scenario.realStart().minus(Duration.ofDays(3));
        List<CronJobState> out = new ArrayList<>();
        out.add(fromStory(NightlyJobStory.BACKUP_JOB, "2 * * * *", created, at));
        out.add(fromStory(NightlyJobStory.DRILL_JOB, "16 3 * * 6", created, at));
        out.add(new CronJobState(
                NightlyJobStory.NAMESPACE,
                NightlyJobStory.NEVER_STARTED_JOB,
                "0 4 31 2 *",
                false,
                Optional.of(created),
                Optional.empty(),
                Optional.empty(),
                0,
                Optional.empty()));
        return out;
    }

    private CronJobState fromStory(String job, String schedule, Instant created, Instant at) {
        Optional<JobRun> started = story.lastStarted(job, at);
        boolean running = started.map(r -> r.finished().isAfter(at)).orElse(false);
        Optional<JobOutcome> outcome = running
                ? Optional.of(JobOutcome.RUNNING)
                : story.lastFinished(job, at).map(r -> r.succeeded() ? JobOutcome.SUCCEEDED : JobOutcome.FAILED);
        return new CronJobState(
                NightlyJobStory.NAMESPACE,
                job,
                schedule,
                false,
                Optional.of(created),
                started.map(JobRun::started),
                story.lastSucceeded(job, at).map(JobRun::finished),
                running ? 1 : 0,
                outcome);
    }
}
