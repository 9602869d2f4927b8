package io.tierlens.demo.backup;

import io.tierlens.backup.client.RdsBackupApi;
import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.aws.AwsTarget;
import java.time.Clock;
import java.util.List;

/**
 * {@link RdsBackupApi} of the demo: the {@link BackupStory} at the current instant. Calls are reported like the
 * real client's requests (pages of 100; DescribeDBSnapshots twice, with and without {@code awsbackup}).
 */
final class SimulatedRdsBackupApi implements RdsBackupApi {
    static final String SERVICE = "rds";

    private final BackupStory story;
    private final Clock clock;
    private final ApiCallRecorder recorder;
    private final AwsTarget target;

    SimulatedRdsBackupApi(BackupStory story, Clock clock, ApiCallRecorder recorder, AwsTarget target) {
        this.story = story;
        this.clock = clock;
        this.recorder = recorder;
        this.target = target;
    }

    @Override
    public List<DbBackupState> describeDbInstances() {
        List<DbBackupState> out = story.instances(target, clock.instant());
        record(pages(out.size()), "DescribeDBInstances");
        return out;
    }

    @Override
    public List<DbSnapshot> describeDbSnapshots() {
        List<DbSnapshot> out = story.snapshots(clock.instant());
        long awsBackup =
                out.stream().filter(s -> s.type().equals(DbSnapshot.AWS_BACKUP)).count();
        record(pages((int) (out.size() - awsBackup)) + pages((int) awsBackup), "DescribeDBSnapshots");
        return out;
    }

    @Override
    public List<AutomatedBackup> describeDbInstanceAutomatedBackups() {
        List<AutomatedBackup> out = story.automatedBackups(target, clock.instant());
        record(pages(out.size()), "DescribeDBInstanceAutomatedBackups");
        return out;
    }

    private static int pages(int items) {
        return Math.max(1, (items + 99) / 100);
    }

    private void record(int requests, String operation) {
        for (int i = 0; i < requests; i++) {
            recorder.recordRequest(SERVICE, operation, ApiOutcome.OK);
        }
    }
}
