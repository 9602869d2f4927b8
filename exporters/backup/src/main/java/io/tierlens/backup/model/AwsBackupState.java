package io.tierlens.backup.model;

import java.time.Instant;
import java.util.List;

/**
 * What the AWS Backup part read in one (account, region).
 *
 * @param configured false when AWS Backup is not in use here: access denied to ListBackupVaults, or no vault
 * @param recoveryPoints recovery points created in the look-back window, plus the newest one of each protected
 *     resource that had none in the window
 */
public record AwsBackupState(
        boolean configured,
        List<BackupVault> vaults,
        List<BackupJob> jobs,
        List<ProtectedResource> protectedResources,
        List<RecoveryPoint> recoveryPoints,
        Instant readAt) {

    public AwsBackupState {
        vaults = List.copyOf(vaults);
        jobs = List.copyOf(jobs);
        protectedResources = List.copyOf(protectedResources);
        recoveryPoints = List.copyOf(recoveryPoints);
    }

    public static AwsBackupState notConfigured(Instant at) {
        return new AwsBackupState(false, List.of(), List.of(), List.of(), List.of(), at);
    }
}
