package io.tierlens.backup.discovery;

import io.tierlens.backup.BackupConfig;
import io.tierlens.backup.client.RdsBackupApi;
import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.backup.model.RdsBackupInventory;
import io.tierlens.core.discovery.NameTagFilter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the RDS side of "is there a restorable copy" for one (account, region): instances' backup settings,
 * their snapshots and automated backups, filtered to the instances the exporter watches. Instances of a DB
 * cluster are left out: their backups are the cluster's (cluster snapshots), not the instance's.
 */
public final class RdsBackupReader {
    /** Engines DescribeDBInstances also returns that are not RDS databases. */
    static final Set<String> OTHER_SERVICES = Set.of("docdb", "neptune");

    static final Set<String> SNAPSHOT_TYPES = Set.of(DbSnapshot.AUTOMATED, DbSnapshot.MANUAL, DbSnapshot.AWS_BACKUP);

    private final String region;
    private final RdsBackupApi api;
    private final NameTagFilter filter;
    private final Clock clock;

    public RdsBackupReader(BackupConfig config, String region, RdsBackupApi api, Clock clock) {
        this.region = region;
        this.api = api;
        this.filter = new NameTagFilter(config.names(), config.tags());
        this.clock = clock;
    }

    /** One read; SDK exceptions propagate (the caller keeps its previous result). */
    public RdsBackupInventory read() {
        List<DbBackupState> instances = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (DbBackupState i : api.describeDbInstances()) {
            if (!OTHER_SERVICES.contains(i.engine())
                    && i.clusterIdentifier().isEmpty()
                    && filter.matches(i.identifier(), i.tags())) {
                instances.add(i);
                kept.add(i.identifier());
            }
        }
        List<DbSnapshot> snapshots = api.describeDbSnapshots().stream()
                .filter(s -> kept.contains(s.dbInstance()) && SNAPSHOT_TYPES.contains(s.type()))
                .toList();
        List<AutomatedBackup> automated = new ArrayList<>();
        for (AutomatedBackup b : api.describeDbInstanceAutomatedBackups()) {
            boolean local = b.sourceRegion().equals(region) || b.sourceRegion().isEmpty();
            // Replicated-in backups belong to instances of another region: only the name filter can apply.
            if (local ? kept.contains(b.dbInstance()) : filter.matches(b.dbInstance(), Map.of())) {
                automated.add(b);
            }
        }
        return new RdsBackupInventory(instances, snapshots, automated, clock.instant());
    }
}
