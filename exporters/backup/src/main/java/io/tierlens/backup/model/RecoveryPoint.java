package io.tierlens.backup.model;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One AWS Backup recovery point. Its ARN is deliberately not kept: it must never become a label.
 *
 * @param status {@code COMPLETED}, {@code AVAILABLE}, {@code PARTIAL}, {@code CREATING}, {@code EXPIRED},
 *     {@code DELETING}, {@code STOPPED}
 * @param completed when the backup that created it finished (ListRecoveryPointsByBackupVault has it,
 *     ListRecoveryPointsByResource does not)
 */
public record RecoveryPoint(
        String vault,
        String resourceArn,
        String resourceType,
        String status,
        Instant created,
        Optional<Instant> completed) {

    /** Statuses of a recovery point a restore can start from; PARTIAL misses part of a composite resource. */
    static final Set<String> USABLE = Set.of("COMPLETED", "AVAILABLE");

    public boolean usable() {
        return USABLE.contains(status);
    }
}
