package io.tierlens.backup.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backup view of one DB instance (DescribeDBInstances).
 *
 * @param identifier the {@code db_instance} label
 * @param retentionDays automated backup retention; 0 means automated backups (and point-in-time recovery) are off
 * @param latestRestorableTime the newest point in time the instance can be restored to
 * @param clusterIdentifier set for cluster members, whose backups are the cluster's
 * @param replicaSource set for read replicas, whose data is their source's
 * @param replicationRegions regions its automated backups are replicated to (from the replication ARNs)
 */
public record DbBackupState(
        String identifier,
        String arn,
        String engine,
        String status,
        int retentionDays,
        Optional<Instant> latestRestorableTime,
        Optional<String> clusterIdentifier,
        Optional<String> replicaSource,
        List<String> replicationRegions,
        Map<String, String> tags) {

    public DbBackupState {
        replicationRegions = List.copyOf(replicationRegions);
        tags = Map.copyOf(tags);
    }
}
