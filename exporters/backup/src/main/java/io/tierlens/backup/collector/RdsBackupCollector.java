package io.tierlens.backup.collector;

import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.backup.model.RdsBackupInventory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The RDS families of METRICS.md "Backup": point-in-time recovery, retention, snapshots per type and automated
 * backup replication. Pure: no I/O, no clock.
 */
public final class RdsBackupCollector {
    static final String LATEST_RESTORABLE = "tierlens_backup_rds_latest_restorable_timestamp_seconds";
    /**
     * METRICS.md names it {@code tierlens_backup_rds_retention_days}; promtool rejects a {@code _days} unit (base
     * units only), so it is exported in seconds: days × 86400.
     */
    static final String RETENTION = "tierlens_backup_rds_retention_seconds";

    static final double DAY_SECONDS = 86_400;
    static final String LATEST_SNAPSHOT = "tierlens_backup_rds_latest_snapshot_timestamp_seconds";
    static final String SNAPSHOTS = "tierlens_backup_rds_snapshots";
    static final String SNAPSHOT_SIZE = "tierlens_backup_rds_snapshot_size_bytes";
    static final String REPLICATION = "tierlens_backup_rds_cross_region_replication";
    static final String REPLICATED_RESTORABLE = "tierlens_backup_rds_replicated_latest_restorable_timestamp_seconds";
    static final List<String> TYPES = List.of(DbSnapshot.AUTOMATED, DbSnapshot.MANUAL, DbSnapshot.AWS_BACKUP);
    static final double GIB = 1024.0 * 1024 * 1024;

    private final List<String> expectedReplicationRegions;

    /** @param expectedReplicationRegions regions reported as 0 when an instance replicates nothing there */
    public RdsBackupCollector(List<String> expectedReplicationRegions) {
        this.expectedReplicationRegions = List.copyOf(expectedReplicationRegions);
    }

    public void addTo(SnapshotAssembler out, AwsTarget target, RdsBackupInventory inv) {
        String account = target.accountId();
        String region = target.region();
        for (DbBackupState i : inv.instances()) {
            String id = i.identifier();
            instanceGauge(
                            out,
                            RETENTION,
                            "Automated backup retention of the DB instance (a whole number of days); 0 = backups off.")
                    .add(i.retentionDays() * DAY_SECONDS, account, region, id);
            i.latestRestorableTime()
                    .ifPresent(t -> instanceGauge(
                                    out,
                                    LATEST_RESTORABLE,
                                    "Newest time the DB instance can be restored to (point-in-time recovery), Unix time.")
                            .add(seconds(t), account, region, id));
            snapshots(out, account, region, id, inv.snapshots());
            replication(out, account, region, i, inv.automatedBackups());
        }
        for (AutomatedBackup b : inv.automatedBackups()) {
            if (!b.sourceRegion().isEmpty() && !b.sourceRegion().equals(region)) {
                b.latestRestorableTime()
                        .ifPresent(t -> out.gauge(
                                        REPLICATED_RESTORABLE,
                                        "Newest restorable time of automated backups replicated into this region from"
                                                + " another region's DB instance, Unix time.",
                                        "account_id",
                                        "region",
                                        "db_instance",
                                        "source_region")
                                .add(seconds(t), account, region, b.dbInstance(), b.sourceRegion()));
            }
        }
    }

    private void snapshots(SnapshotAssembler out, String account, String region, String id, List<DbSnapshot> all) {
        for (String type : TYPES) {
            int count = 0;
            DbSnapshot newest = null;
            for (DbSnapshot s : all) {
                if (!s.dbInstance().equals(id) || !s.type().equals(type) || !s.available()) {
                    continue;
                }
                count++;
                if (newest == null || s.created().get().isAfter(newest.created().get())) {
                    newest = s;
                }
            }
            typedGauge(
                            out,
                            SNAPSHOTS,
                            "Available snapshots of the DB instance, by type (automated, manual, awsbackup).")
                    .add(count, account, region, id, type);
            if (newest != null) {
                typedGauge(
                                out,
                                LATEST_SNAPSHOT,
                                "When the newest available snapshot of this type was taken, Unix time.")
                        .add(seconds(newest.created().get()), account, region, id, type);
                typedGauge(
                                out,
                                SNAPSHOT_SIZE,
                                "Allocated storage of the newest available snapshot of this type: what a restore needs.")
                        .add(newest.allocatedGib() * GIB, account, region, id, type);
            }
        }
    }

    /**
     * 1 per region the instance's automated backups are replicated to, 0 per expected region they are not; an
     * instance with backups on, no replication and no expected region gets {@code destination_region=""} 0.
     */
    private void replication(
            SnapshotAssembler out, String account, String region, DbBackupState i, List<AutomatedBackup> automated) {
        Set<String> destinations = new LinkedHashSet<>(i.replicationRegions());
        for (AutomatedBackup b : automated) {
            if (b.dbInstance().equals(i.identifier())
                    && (b.sourceRegion().equals(region) || b.sourceRegion().isEmpty())) {
                destinations.addAll(b.replicationRegions());
            }
        }
        FamilyBuilder f = out.gauge(
                REPLICATION,
                "1 if the DB instance's automated backups are replicated to the destination region, 0 if not.",
                "account_id",
                "region",
                "db_instance",
                "destination_region");
        destinations.forEach(d -> f.add(1, account, region, i.identifier(), d));
        if (i.retentionDays() == 0) {
            return; // backups are off: the retention says so, a replication 0 would only repeat it
        }
        for (String expected : expectedReplicationRegions) {
            if (!destinations.contains(expected)) {
                f.add(0, account, region, i.identifier(), expected);
            }
        }
        if (destinations.isEmpty() && expectedReplicationRegions.isEmpty()) {
            f.add(0, account, region, i.identifier(), "");
        }
    }

    private static FamilyBuilder instanceGauge(SnapshotAssembler out, String name, String help) {
        return out.gauge(name, help, "account_id", "region", "db_instance");
    }

    private static FamilyBuilder typedGauge(SnapshotAssembler out, String name, String help) {
        return out.gauge(name, help, "account_id", "region", "db_instance", "type");
    }

    static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
