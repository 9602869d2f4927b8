package io.tierlens.backup.client;

import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.core.aws.query.AwsQueryClient;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.aws.query.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link RdsBackupApi} over core's Query-protocol client (RDS API 2014-10-31); pages follow {@code Marker}. */
public final class QueryRdsBackupApi implements RdsBackupApi, AutoCloseable {
    /** The largest page the Describe calls allow: fewer calls, same data. */
    static final String PAGE_SIZE = "100";

    private final AwsQueryClient client;

    public QueryRdsBackupApi(AwsQueryClient client) {
        if (client.service() != QueryService.RDS) {
            throw new IllegalArgumentException(
                    "an RDS client is needed, not " + client.service().label());
        }
        this.client = client;
    }

    @Override
    public List<DbBackupState> describeDbInstances() {
        List<DbBackupState> out = new ArrayList<>();
        client.pages("DescribeDBInstances", Map.of("MaxRecords", PAGE_SIZE), page -> {
            for (XmlElement i : page.list("DBInstances")) {
                Map<String, String> tags = new LinkedHashMap<>();
                for (XmlElement t : i.list("TagList")) {
                    t.text("Key").ifPresent(k -> tags.put(k, t.string("Value")));
                }
                out.add(new DbBackupState(
                        i.string("DBInstanceIdentifier"),
                        i.string("DBInstanceArn"),
                        i.string("Engine"),
                        i.string("DBInstanceStatus"),
                        i.integer("BackupRetentionPeriod").orElse(0),
                        i.instant("LatestRestorableTime"),
                        i.text("DBClusterIdentifier"),
                        i.text("ReadReplicaSourceDBInstanceIdentifier"),
                        regions(i.list("DBInstanceAutomatedBackupsReplications")),
                        tags));
            }
        });
        return out;
    }

    /**
     * Automated and manual snapshots come without a type filter; AWS Backup's only with
     * {@code SnapshotType=awsbackup}, hence two paginated calls.
     */
    @Override
    public List<DbSnapshot> describeDbSnapshots() {
        List<DbSnapshot> out = new ArrayList<>();
        Map<String, String> awsBackup = new LinkedHashMap<>();
        awsBackup.put("SnapshotType", DbSnapshot.AWS_BACKUP);
        awsBackup.put("MaxRecords", PAGE_SIZE);
        for (Map<String, String> request : List.of(Map.of("MaxRecords", PAGE_SIZE), awsBackup)) {
            client.pages("DescribeDBSnapshots", request, page -> {
                for (XmlElement s : page.list("DBSnapshots")) {
                    out.add(new DbSnapshot(
                            s.string("DBInstanceIdentifier"),
                            s.string("SnapshotType"),
                            s.string("Status"),
                            s.instant("SnapshotCreateTime"),
                            s.integer("AllocatedStorage").orElse(0)));
                }
            });
        }
        return out;
    }

    @Override
    public List<AutomatedBackup> describeDbInstanceAutomatedBackups() {
        List<AutomatedBackup> out = new ArrayList<>();
        client.pages("DescribeDBInstanceAutomatedBackups", Map.of("MaxRecords", PAGE_SIZE), page -> {
            for (XmlElement b : page.list("DBInstanceAutomatedBackups")) {
                out.add(new AutomatedBackup(
                        b.string("DBInstanceIdentifier"),
                        b.string("Region"),
                        b.string("Status"),
                        b.child("RestoreWindow").flatMap(w -> w.instant("LatestTime")),
                        regions(b.list("DBInstanceAutomatedBackupsReplications"))));
            }
        });
        return out;
    }

    /** Destination regions from replication ARNs ({@code arn:aws:rds:<region>:<account>:auto-backup:ab-…}). */
    static List<String> regions(List<XmlElement> replications) {
        Set<String> out = new LinkedHashSet<>();
        for (XmlElement r : replications) {
            String[] parts = r.string("DBInstanceAutomatedBackupsArn").split(":");
            if (parts.length > 3 && !parts[3].isEmpty()) {
                out.add(parts[3]);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public void close() {
        client.close();
    }
}
