package io.tierlens.backup.collector;

import static io.tierlens.backup.testing.FakeRdsBackupApi.primary;
import static io.tierlens.backup.testing.FakeRdsBackupApi.replica;
import static io.tierlens.backup.testing.FakeRdsBackupApi.snapshot;
import static io.tierlens.backup.testing.FakeRdsBackupApi.withRetention;
import static io.tierlens.core.testing.Snapshots.labels;
import static io.tierlens.core.testing.Snapshots.size;
import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.backup.model.RdsBackupInventory;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RdsBackupCollectorTest {
    private static final Instant NOW = TestEnvironment.START;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private static MetricSnapshots collect(List<String> expectedRegions, RdsBackupInventory inv) {
        SnapshotAssembler out = new SnapshotAssembler();
        new RdsBackupCollector(expectedRegions).addTo(out, TestEnvironment.TARGET, inv);
        return out.build();
    }

    private static RdsBackupInventory inventory(
            List<DbBackupState> instances, List<DbSnapshot> snapshots, List<AutomatedBackup> automated) {
        return new RdsBackupInventory(instances, snapshots, automated, NOW);
    }

    @Test
    void pointInTimeRecoveryAndRetentionPerInstanceWithRetentionZeroReportedAsIs() {
        Instant restorable = NOW.minus(Duration.ofMinutes(5));
        MetricSnapshots s = collect(
                List.of(), inventory(List.of(primary("db", restorable), replica("rep", "db")), List.of(), List.of()));

        assertThat(value(s, "tierlens_backup_rds_latest_restorable_timestamp_seconds", "db_instance", "db"))
                .contains((double) restorable.getEpochSecond());
        assertThat(value(s, "tierlens_backup_rds_latest_restorable_timestamp_seconds", "db_instance", "rep"))
                .isEmpty();
        assertThat(value(s, "tierlens_backup_rds_retention_seconds", "db_instance", "db"))
                .contains(7 * 86_400.0);
        assertThat(value(s, "tierlens_backup_rds_retention_seconds", "db_instance", "rep"))
                .contains(0.0);
    }

    @Test
    void newestAvailableSnapshotPerTypeWithCountsAndSize() {
        Instant day1 = NOW.minus(Duration.ofDays(1));
        Instant day2 = NOW.minus(Duration.ofDays(2));
        Instant backupRun = NOW.minus(Duration.ofHours(30));
        MetricSnapshots s = collect(
                List.of(),
                inventory(
                        List.of(primary("db", NOW)),
                        List.of(
                                snapshot("db", DbSnapshot.AUTOMATED, day2),
                                snapshot("db", DbSnapshot.AUTOMATED, day1),
                                new DbSnapshot("db", DbSnapshot.AUTOMATED, "creating", Optional.empty(), 200),
                                new DbSnapshot("db", DbSnapshot.MANUAL, "failed", Optional.of(NOW), 200),
                                new DbSnapshot("db", DbSnapshot.AWS_BACKUP, "available", Optional.of(backupRun), 250)),
                        List.of()));

        assertThat(value(s, "tierlens_backup_rds_snapshots", "db_instance", "db", "type", "automated"))
                .contains(2.0);
        assertThat(value(s, "tierlens_backup_rds_snapshots", "db_instance", "db", "type", "manual"))
                .contains(0.0);
        assertThat(value(s, "tierlens_backup_rds_snapshots", "db_instance", "db", "type", "awsbackup"))
                .contains(1.0);
        assertThat(value(
                        s,
                        "tierlens_backup_rds_latest_snapshot_timestamp_seconds",
                        "db_instance",
                        "db",
                        "type",
                        "automated"))
                .contains((double) day1.getEpochSecond());
        assertThat(value(
                        s,
                        "tierlens_backup_rds_latest_snapshot_timestamp_seconds",
                        "db_instance",
                        "db",
                        "type",
                        "manual"))
                .isEmpty();
        assertThat(value(s, "tierlens_backup_rds_snapshot_size_bytes", "db_instance", "db", "type", "awsbackup"))
                .contains(250 * GIB);
    }

    @Test
    void replicationIsOneWherePresentAndZeroWhereExpectedOrWhenThereIsNone() {
        DbBackupState replicated = new DbBackupState(
                "a",
                "arn:a",
                "mysql",
                "available",
                7,
                Optional.of(NOW),
                Optional.empty(),
                Optional.empty(),
                List.of("eu-central-1"),
                Map.of());
        DbBackupState plain = primary("b", NOW);
        DbBackupState off = withRetention(primary("c", NOW), 0);
        // b's automated backups say they are replicated to us-east-1 (DescribeDBInstanceAutomatedBackups).
        AutomatedBackup bLocal =
                new AutomatedBackup("b", "eu-west-1", "active", Optional.of(NOW), List.of("us-east-1"));

        MetricSnapshots expecting = collect(
                List.of("eu-central-1"), inventory(List.of(replicated, plain, off), List.of(), List.of(bLocal)));
        MetricSnapshots notExpecting = collect(List.of(), inventory(List.of(primary("d", NOW)), List.of(), List.of()));

        String m = "tierlens_backup_rds_cross_region_replication";
        assertThat(value(expecting, m, "db_instance", "a", "destination_region", "eu-central-1"))
                .contains(1.0);
        assertThat(value(expecting, m, "db_instance", "b", "destination_region", "us-east-1"))
                .contains(1.0);
        assertThat(value(expecting, m, "db_instance", "b", "destination_region", "eu-central-1"))
                .contains(0.0);
        assertThat(labels(expecting, m)).noneMatch(l -> l.get("db_instance").equals("c"));
        assertThat(value(notExpecting, m, "db_instance", "d", "destination_region", ""))
                .contains(0.0);
    }

    @Test
    void backupsReplicatedIntoThisRegionReportTheirRestoreWindow() {
        Instant latest = NOW.minus(Duration.ofMinutes(40));
        AutomatedBackup fromTokyo =
                new AutomatedBackup("tokyo-db", "ap-northeast-1", "replicating", Optional.of(latest), List.of());

        MetricSnapshots s = collect(List.of(), inventory(List.of(), List.of(), List.of(fromTokyo)));

        assertThat(value(
                        s,
                        "tierlens_backup_rds_replicated_latest_restorable_timestamp_seconds",
                        "db_instance",
                        "tokyo-db",
                        "source_region",
                        "ap-northeast-1",
                        "region",
                        "eu-west-1"))
                .contains((double) latest.getEpochSecond());
        assertThat(size(s, "tierlens_backup_rds_retention_seconds")).isZero();
    }
}
