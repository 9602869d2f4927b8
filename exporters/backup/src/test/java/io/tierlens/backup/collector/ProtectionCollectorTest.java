package io.tierlens.backup.collector;

import static io.tierlens.backup.testing.FakeBackupApi.point;
import static io.tierlens.backup.testing.FakeRdsBackupApi.primary;
import static io.tierlens.backup.testing.FakeRdsBackupApi.replica;
import static io.tierlens.backup.testing.FakeRdsBackupApi.snapshot;
import static io.tierlens.core.testing.Snapshots.labels;
import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.backup.BackupConfig;
import io.tierlens.backup.model.AwsBackupState;
import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.model.RdsBackupInventory;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtectionCollectorTest {
    private static final Instant NOW = TestEnvironment.START;
    private static final String VOLUME = "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc";
    private static final String TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders";

    private final BackupConfig config = requiring(null);

    private static BackupConfig requiring(List<String> mechanisms) {
        return new BackupConfig(
                null,
                null,
                null,
                null,
                null,
                Map.of("orders", Duration.ofHours(4)),
                mechanisms,
                null,
                null,
                null,
                null,
                null);
    }

    private MetricSnapshots collect(Optional<RdsBackupInventory> rds, Optional<AwsBackupState> aws) {
        return collect(config, rds, aws);
    }

    private static MetricSnapshots collect(
            BackupConfig config, Optional<RdsBackupInventory> rds, Optional<AwsBackupState> aws) {
        SnapshotAssembler out = new SnapshotAssembler();
        new ProtectionCollector(config).addTo(out, TestEnvironment.TARGET, rds, aws, NOW);
        return out.build();
    }

    private static Instant ago(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    private static DbBackupState withStatus(DbBackupState i, String status) {
        return new DbBackupState(
                i.identifier(),
                i.arn(),
                i.engine(),
                status,
                i.retentionDays(),
                i.latestRestorableTime(),
                i.clusterIdentifier(),
                i.replicaSource(),
                i.replicationRegions(),
                i.tags());
    }

    @Test
    void anRdsInstanceIsProtectedByAnySnapshotInTheWindow() {
        RdsBackupInventory rds = new RdsBackupInventory(
                List.of(
                        primary("fresh", NOW),
                        primary("stale", NOW),
                        replica("rep", "fresh"),
                        withStatus(primary("new", NOW), "creating")),
                List.of(
                        snapshot("fresh", DbSnapshot.MANUAL, ago(47)),
                        snapshot("stale", DbSnapshot.AUTOMATED, ago(49)),
                        new DbSnapshot("stale", DbSnapshot.AWS_BACKUP, "creating", Optional.empty(), 200)),
                List.of(),
                NOW);

        MetricSnapshots s = collect(Optional.of(rds), Optional.empty());

        assertThat(value(s, "tierlens_backup_resource_protected", "resource", "fresh", "resource_type", "RDS"))
                .contains(1.0);
        assertThat(value(s, "tierlens_backup_resource_protected", "resource", "stale"))
                .contains(0.0);
        assertThat(value(s, "tierlens_backup_unprotected_resources", "resource_type", "RDS"))
                .contains(1.0);
        // The replica's data is its source's; an instance being created has had no chance to be backed up.
        assertThat(labels(s, "tierlens_backup_resource_protected"))
                .extracting(l -> l.get("resource"))
                .containsExactly("fresh", "stale");
        assertThat(value(s, "tierlens_backup_rpo_target_seconds", "resource", "fresh", "mechanism", "snapshot"))
                .contains(86_400.0);
    }

    @Test
    void awsBackupResourcesJoinTheInventoryAndUsableRecoveryPointsProtectThem() {
        String db = "arn:aws:rds:eu-west-1:123456789012:db:db";
        AwsBackupState aws = new AwsBackupState(
                true,
                List.of(new BackupVault("nightly", 3)),
                List.of(),
                List.of(
                        new ProtectedResource(db, "RDS", Optional.of(ago(60))),
                        new ProtectedResource(VOLUME, "EBS", Optional.of(ago(2))),
                        new ProtectedResource(TABLE, "DynamoDB", Optional.of(ago(1)))),
                List.of(
                        point("nightly", VOLUME, "COMPLETED", ago(2), ago(1)),
                        point("nightly", TABLE, "EXPIRED", ago(1), ago(1)),
                        point("nightly", db, "COMPLETED", ago(60), ago(59))),
                NOW);
        RdsBackupInventory rds = new RdsBackupInventory(
                List.of(primary("db", NOW)), List.of(snapshot("db", DbSnapshot.AUTOMATED, ago(3))), List.of(), NOW);

        MetricSnapshots s = collect(Optional.of(rds), Optional.of(aws));

        // The RDS instance and its AWS Backup entry are the same ARN: counted once, protected by its snapshot.
        assertThat(value(s, "tierlens_backup_unprotected_resources", "resource_type", "RDS"))
                .contains(0.0);
        assertThat(value(s, "tierlens_backup_unprotected_resources", "resource_type", "EBS"))
                .contains(0.0);
        assertThat(value(s, "tierlens_backup_unprotected_resources", "resource_type", "DynamoDB"))
                .contains(1.0);
        assertThat(value(s, "tierlens_backup_resource_protected", "resource", "vol-0abc", "resource_type", "EBS"))
                .contains(1.0);
        assertThat(value(s, "tierlens_backup_rpo_target_seconds", "resource", "orders"))
                .contains(14_400.0);
        assertThat(value(s, "tierlens_backup_rpo_target_seconds", "resource", "vol-0abc"))
                .contains(86_400.0);
        // By default the nightly mechanisms are required: AWS Backup for what it protects, snapshots for RDS.
        assertThat(labels(s, "tierlens_backup_rpo_target_seconds"))
                .extracting(l -> l.get("resource") + "/" + l.get("mechanism"))
                .containsExactlyInAnyOrder("db/snapshot", "db/aws_backup", "vol-0abc/aws_backup", "orders/aws_backup");
    }

    @Test
    void theRpoTargetIsPublishedPerRequiredMechanismThatCanProtectTheResource() {
        String db = "arn:aws:rds:eu-west-1:123456789012:db:db";
        AwsBackupState aws = new AwsBackupState(
                true,
                List.of(new BackupVault("nightly", 1)),
                List.of(),
                List.of(
                        new ProtectedResource(db, "RDS", Optional.of(ago(2))),
                        new ProtectedResource(VOLUME, "EBS", Optional.of(ago(2)))),
                List.of(point("nightly", db, "COMPLETED", ago(2), ago(1))),
                NOW);
        DbBackupState off = new DbBackupState(
                "off",
                "arn:aws:rds:eu-west-1:123456789012:db:off",
                "mysql",
                "available",
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Map.of());
        RdsBackupInventory rds = new RdsBackupInventory(List.of(primary("db", NOW), off), List.of(), List.of(), NOW);

        MetricSnapshots s = collect(requiring(List.of("pitr", "aws_backup")), Optional.of(rds), Optional.of(aws));

        // Point-in-time restore needs automated backups on, so "off" has no mechanism that is required here.
        assertThat(labels(s, "tierlens_backup_rpo_target_seconds"))
                .extracting(l -> l.get("resource") + "/" + l.get("mechanism"))
                .containsExactlyInAnyOrder("db/pitr", "db/aws_backup", "vol-0abc/aws_backup");
        assertThat(value(s, "tierlens_backup_resource_protected", "resource", "off"))
                .contains(0.0);
    }

    @Test
    void anUnconfiguredAwsBackupAddsNothing() {
        MetricSnapshots s = collect(Optional.empty(), Optional.of(AwsBackupState.notConfigured(NOW)));
        assertThat(s).isEmpty();
    }
}
