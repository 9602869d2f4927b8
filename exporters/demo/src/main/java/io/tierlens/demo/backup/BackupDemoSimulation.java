package io.tierlens.demo.backup;

import io.tierlens.backup.client.BackupApi;
import io.tierlens.backup.client.RdsBackupApi;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.demo.DemoApiClients;
import io.tierlens.demo.DemoSimulation;
import io.tierlens.demo.Scenario;

/**
 * The backup part of {@code tierlens demo}: simulated RDS (backup view) and AWS Backup APIs telling the
 * {@link BackupStory} — a failed nightly job and a backup that ages past the RPO at known scenario times. The
 * exporter above them is the production code.
 */
public final class BackupDemoSimulation implements DemoSimulation {
    private final Scenario scenario;
    private final ApiCallRecorder recorder;
    private final BackupStory story;

    public BackupDemoSimulation(Scenario scenario, ApiCallRecorder recorder) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.story = new BackupStory(scenario);
    }

    @Override
    public void install(DemoApiClients clients) {
        clients.registerAws(
                RdsBackupApi.class, target -> new SimulatedRdsBackupApi(story, scenario.realClock(), recorder, target));
        clients.registerAws(
                BackupApi.class, target -> new SimulatedBackupApi(story, scenario.realClock(), recorder, target));
    }
}
