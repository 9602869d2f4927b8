package io.tierlens.backup.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One automated backup (DescribeDBInstanceAutomatedBackups): the automated backups of an instance in its own
 * region, or a replica of them that another region's instance replicates into this one.
 *
 * @param sourceRegion the region of the instance the backups belong to; different from the target's region for a
 *     replicated backup
 * @param status {@code active}, {@code retained} (instance deleted), {@code pending}, {@code replicating}, …
 * @param latestRestorableTime the end of the restore window
 * @param replicationRegions regions these backups are replicated to
 */
public record AutomatedBackup(
        String dbInstance,
        String sourceRegion,
        String status,
        Optional<Instant> latestRestorableTime,
        List<String> replicationRegions) {

    public AutomatedBackup {
        replicationRegions = List.copyOf(replicationRegions);
    }
}
