package io.tierlens.backup.model;

import java.time.Instant;
import java.util.List;

/** What the RDS part read in one (account, region), filtered to the instances the exporter watches. */
public record RdsBackupInventory(
        List<DbBackupState> instances,
        List<DbSnapshot> snapshots,
        List<AutomatedBackup> automatedBackups,
        Instant readAt) {

    public RdsBackupInventory {
        instances = List.copyOf(instances);
        snapshots = List.copyOf(snapshots);
        automatedBackups = List.copyOf(automatedBackups);
    }
}
