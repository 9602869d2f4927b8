package io.tierlens.backup.collector;

import static io.tierlens.backup.testing.FakeBackupApi.job;
import static io.tierlens.backup.testing.FakeBackupApi.point;
import static io.tierlens.core.testing.Snapshots.labels;
import static io.tierlens.core.testing.Snapshots.size;
import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.backup.model.AwsBackupState;
import io.tierlens.backup.model.BackupJob;
import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.RecoveryPoint;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsBackupCollectorTest {
    private static final Instant NOW = TestEnvironment.START;
    private static final String DB = "arn:aws:rds:eu-west-1:123456789012:db:shop-db-1";
    private static final String VOLUME = "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc";

    private static MetricSnapshots collect(AwsBackupState state) {
        SnapshotAssembler out = new SnapshotAssembler();
        new AwsBackupCollector().addTo(out, TestEnvironment.TARGET, state);
        return out.build();
    }

    private static AwsBackupState state(List<BackupJob> jobs, List<RecoveryPoint> points) {
        return new AwsBackupState(true, List.of(new BackupVault("nightly", 3)), jobs, List.of(), points, NOW);
    }

    private static Instant ago(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    @Test
    void notConfiguredIsAMetricAndNothingElse() {
        MetricSnapshots s = collect(AwsBackupState.notConfigured(NOW));

        assertThat(value(s, "tierlens_backup_aws_backup_configured", "region", "eu-west-1"))
                .contains(0.0);
        assertThat(size(s, "tierlens_backup_jobs")).isZero();
        assertThat(collect(state(List.of(), List.of()))).hasSize(1);
        assertThat(value(collect(state(List.of(), List.of())), "tierlens_backup_aws_backup_configured"))
                .contains(1.0);
    }

    @Test
    void jobsAreCountedPerVaultTypeAndStateWithEveryStateReported() {
        BackupJob ebs =
                new BackupJob("nightly", VOLUME, "EBS", "RUNNING", Optional.empty(), ago(1), Optional.empty(), false);
        BackupJob parent = new BackupJob(
                "nightly", DB, "RDS", "COMPLETED", Optional.of("SUCCESS"), ago(2), Optional.of(ago(1)), true);
        MetricSnapshots s = collect(state(
                List.of(
                        job("nightly", DB, "COMPLETED", "SUCCESS", ago(30), ago(29)),
                        job("nightly", DB, "COMPLETED", "InvalidParameters", ago(40), ago(39)),
                        job("nightly", DB, "FAILED", "AccessDenied", ago(6), ago(5)),
                        job("nightly", DB, "FAILED", null, ago(4), ago(4)),
                        ebs,
                        parent),
                List.of()));

        String m = "tierlens_backup_jobs";
        assertThat(value(s, m, "vault", "nightly", "resource_type", "RDS", "state", "completed"))
                .contains(1.0);
        assertThat(value(s, m, "vault", "nightly", "resource_type", "RDS", "state", "completed_with_issues"))
                .contains(1.0);
        assertThat(value(s, m, "vault", "nightly", "resource_type", "RDS", "state", "failed"))
                .contains(2.0);
        assertThat(value(s, m, "vault", "nightly", "resource_type", "RDS", "state", "running"))
                .contains(0.0);
        assertThat(value(s, m, "vault", "nightly", "resource_type", "EBS", "state", "running"))
                .contains(1.0);
        assertThat(size(s, m)).isEqualTo(12);
        assertThat(labels(s, m))
                .allSatisfy(
                        l -> assertThat(l).containsOnlyKeys("account_id", "region", "vault", "resource_type", "state"));
    }

    @Test
    void lastSuccessIsTheNewestCompletedJobOrUsableRecoveryPointPerVaultAndResource() {
        MetricSnapshots s = collect(state(
                List.of(
                        job("nightly", DB, "COMPLETED", "SUCCESS", ago(26), ago(25)),
                        job("nightly", DB, "COMPLETED", "InvalidParameters", ago(2), ago(1)),
                        job("nightly", DB, "FAILED", null, ago(0), ago(0))),
                List.of(
                        point("nightly", DB, "COMPLETED", ago(26), ago(25)),
                        point("nightly", DB, "COMPLETED", ago(2), ago(1)),
                        // A copy in the DR vault: no backup job here, the recovery point proves the copy.
                        point("dr-copy", DB, "COMPLETED", ago(20), ago(19)),
                        point("dr-copy", DB, "EXPIRED", ago(3), ago(3)),
                        point("nightly", DB, "CREATING", ago(0), null))));

        String success = "tierlens_backup_last_success_timestamp_seconds";
        String newest = "tierlens_backup_latest_recovery_point_timestamp_seconds";
        assertThat(value(s, success, "vault", "nightly", "resource", "shop-db-1", "resource_type", "RDS"))
                .contains((double) ago(1).getEpochSecond());
        assertThat(value(s, success, "vault", "dr-copy", "resource", "shop-db-1"))
                .contains((double) ago(19).getEpochSecond());
        assertThat(value(s, newest, "vault", "nightly", "resource", "shop-db-1"))
                .contains((double) ago(2).getEpochSecond());
        assertThat(value(s, newest, "vault", "dr-copy", "resource", "shop-db-1"))
                .contains((double) ago(20).getEpochSecond());
    }

    @Test
    void aRecoveryPointWithoutCompletionTimeFallsBackToItsCreationTime() {
        MetricSnapshots s = collect(state(
                List.of(), List.of(new RecoveryPoint("nightly", DB, "RDS", "AVAILABLE", ago(50), Optional.empty()))));

        assertThat(value(s, "tierlens_backup_last_success_timestamp_seconds", "resource", "shop-db-1"))
                .contains((double) ago(50).getEpochSecond());
    }
}
