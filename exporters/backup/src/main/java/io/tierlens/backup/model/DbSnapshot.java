package io.tierlens.backup.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One DB snapshot (DescribeDBSnapshots).
 *
 * @param dbInstance the instance it was taken of
 * @param type {@code automated}, {@code manual} or {@code awsbackup}
 * @param status {@code available} once it can be restored; {@code creating}, {@code failed}, … before or instead
 * @param created when the snapshot was taken (absent while it is being created)
 * @param allocatedGib the allocated storage of the snapshotted volume: what a restore needs (RDS reports no
 *     incremental size)
 */
public record DbSnapshot(String dbInstance, String type, String status, Optional<Instant> created, int allocatedGib) {

    public static final String AUTOMATED = "automated";
    public static final String MANUAL = "manual";
    public static final String AWS_BACKUP = "awsbackup";

    public boolean available() {
        return status.equals("available") && created.isPresent();
    }
}
