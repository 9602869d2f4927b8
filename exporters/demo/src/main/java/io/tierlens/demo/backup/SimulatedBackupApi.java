package io.tierlens.demo.backup;

import io.tierlens.backup.client.BackupApi;
import io.tierlens.backup.model.BackupJob;
import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.model.RecoveryPoint;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.aws.AwsTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link BackupApi} of the demo: one vault, {@code shop-nightly}, protecting {@code shop-db-1} as the
 * {@link BackupStory} tells it. Filters behave like the real API's ({@code ByCreatedAfter}); every call is
 * reported to the {@link ApiCallRecorder} as one request.
 */
final class SimulatedBackupApi implements BackupApi {
    static final String SERVICE = "backup";

    private final BackupStory story;
    private final Clock clock;
    private final ApiCallRecorder recorder;
    private final AwsTarget target;

    SimulatedBackupApi(BackupStory story, Clock clock, ApiCallRecorder recorder, AwsTarget target) {
        this.story = story;
        this.clock = clock;
        this.recorder = recorder;
        this.target = target;
    }

    @Override
    public List<BackupVault> listBackupVaults() {
        record("ListBackupVaults");
        return List.of(new BackupVault(
                BackupStory.VAULT, story.recoveryPoints(target, clock.instant()).size()));
    }

    @Override
    public List<BackupJob> listBackupJobs(Instant createdAfter) {
        record("ListBackupJobs");
        return story.jobs(target, clock.instant()).stream()
                .filter(j -> j.created().isAfter(createdAfter))
                .toList();
    }

    @Override
    public List<ProtectedResource> listProtectedResources() {
        record("ListProtectedResources");
        Optional<Instant> last = story.recoveryPoints(target, clock.instant()).stream()
                .map(RecoveryPoint::created)
                .max(Instant::compareTo);
        return List.of(new ProtectedResource(BackupStory.arn(target, BackupStory.WRITER), "RDS", last));
    }

    @Override
    public List<RecoveryPoint> listRecoveryPointsByBackupVault(String vault, Instant createdAfter) {
        record("ListRecoveryPointsByBackupVault");
        return story.recoveryPoints(target, clock.instant()).stream()
                .filter(p -> p.vault().equals(vault) && p.created().isAfter(createdAfter))
                .toList();
    }

    @Override
    public List<RecoveryPoint> listRecoveryPointsByResource(String resourceArn, String resourceType) {
        record("ListRecoveryPointsByResource");
        return story.recoveryPoints(target, clock.instant()).stream()
                .filter(p -> p.resourceArn().equals(resourceArn))
                .map(p -> new RecoveryPoint(
                        p.vault(), p.resourceArn(), resourceType, p.status(), p.created(), Optional.empty()))
                .toList();
    }

    private void record(String operation) {
        recorder.recordRequest(SERVICE, operation, ApiOutcome.OK);
    }
}
