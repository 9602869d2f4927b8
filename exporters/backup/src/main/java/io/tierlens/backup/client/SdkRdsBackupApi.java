package io.tierlens.backup.client;

import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBInstanceAutomatedBackup;
import software.amazon.awssdk.services.rds.model.DBInstanceAutomatedBackupsReplication;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbInstanceAutomatedBackupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.Tag;

/** {@link RdsBackupApi} over the AWS SDK's RDS client. Pages are followed by the SDK's paginators ({@code Marker}). */
public final class SdkRdsBackupApi implements RdsBackupApi, AutoCloseable {
    /** The largest page the Describe calls allow: fewer calls, same data. */
    static final int PAGE_SIZE = 100;

    private final RdsClient client;

    public SdkRdsBackupApi(RdsClient client) {
        this.client = client;
    }

    @Override
    public List<DbBackupState> describeDbInstances() {
        List<DbBackupState> out = new ArrayList<>();
        var pages = client.describeDBInstancesPaginator(
                DescribeDbInstancesRequest.builder().maxRecords(PAGE_SIZE).build());
        for (DBInstance i : pages.dbInstances()) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (Tag t : i.tagList()) {
                if (t.key() != null) {
                    tags.put(t.key(), t.value() == null ? "" : t.value());
                }
            }
            out.add(new DbBackupState(
                    i.dbInstanceIdentifier(),
                    nullToEmpty(i.dbInstanceArn()),
                    nullToEmpty(i.engine()),
                    nullToEmpty(i.dbInstanceStatus()),
                    i.backupRetentionPeriod() == null ? 0 : i.backupRetentionPeriod(),
                    Optional.ofNullable(i.latestRestorableTime()),
                    nonEmpty(i.dbClusterIdentifier()),
                    nonEmpty(i.readReplicaSourceDBInstanceIdentifier()),
                    regions(i.dbInstanceAutomatedBackupsReplications()),
                    tags));
        }
        return out;
    }

    /**
     * Automated and manual snapshots come without a type filter; AWS Backup's only with
     * {@code SnapshotType=awsbackup}, hence two paginated calls.
     */
    @Override
    public List<DbSnapshot> describeDbSnapshots() {
        List<DbSnapshot> out = new ArrayList<>();
        for (DescribeDbSnapshotsRequest request : List.of(
                DescribeDbSnapshotsRequest.builder().maxRecords(PAGE_SIZE).build(),
                DescribeDbSnapshotsRequest.builder()
                        .snapshotType(DbSnapshot.AWS_BACKUP)
                        .maxRecords(PAGE_SIZE)
                        .build())) {
            for (DBSnapshot s : client.describeDBSnapshotsPaginator(request).dbSnapshots()) {
                out.add(new DbSnapshot(
                        nullToEmpty(s.dbInstanceIdentifier()),
                        nullToEmpty(s.snapshotType()),
                        nullToEmpty(s.status()),
                        Optional.ofNullable(s.snapshotCreateTime()),
                        s.allocatedStorage() == null ? 0 : s.allocatedStorage()));
            }
        }
        return out;
    }

    @Override
    public List<AutomatedBackup> describeDbInstanceAutomatedBackups() {
        List<AutomatedBackup> out = new ArrayList<>();
        var pages =
                client.describeDBInstanceAutomatedBackupsPaginator(DescribeDbInstanceAutomatedBackupsRequest.builder()
                        .maxRecords(PAGE_SIZE)
                        .build());
        for (DBInstanceAutomatedBackup b : pages.dbInstanceAutomatedBackups()) {
            out.add(new AutomatedBackup(
                    nullToEmpty(b.dbInstanceIdentifier()),
                    nullToEmpty(b.region()),
                    nullToEmpty(b.status()),
                    Optional.ofNullable(b.restoreWindow()).map(w -> w.latestTime()),
                    regions(b.dbInstanceAutomatedBackupsReplications())));
        }
        return out;
    }

    /** Destination regions from replication ARNs ({@code arn:aws:rds:<region>:<account>:auto-backup:ab-…}). */
    static List<String> regions(List<DBInstanceAutomatedBackupsReplication> replications) {
        Set<String> out = new LinkedHashSet<>();
        for (DBInstanceAutomatedBackupsReplication r : replications) {
            String arn = r.dbInstanceAutomatedBackupsArn();
            String[] parts = arn == null ? new String[0] : arn.split(":");
            if (parts.length > 3 && !parts[3].isEmpty()) {
                out.add(parts[3]);
            }
        }
        return List.copyOf(out);
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        client.close();
    }
}
