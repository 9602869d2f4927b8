package io.tierlens.backup.client;

import io.tierlens.backup.model.BackupJob;
import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.model.RecoveryPoint;
import java.time.Instant;
import java.util.List;

/**
 * What the backup exporter needs from AWS Backup, for one (account, region). Implementations follow
 * {@code NextToken}. Errors are the SDK's exceptions (an access-denied ListBackupVaults means "not configured").
 */
public interface BackupApi {

    List<BackupVault> listBackupVaults();

    /** Jobs created after {@code createdAfter} (ListBackupJobs with {@code ByCreatedAfter}). */
    List<BackupJob> listBackupJobs(Instant createdAfter);

    List<ProtectedResource> listProtectedResources();

    /** Recovery points of one vault created after {@code createdAfter}. */
    List<RecoveryPoint> listRecoveryPointsByBackupVault(String vault, Instant createdAfter);

    /** Every AWS Backup recovery point of one resource, of any age. */
    List<RecoveryPoint> listRecoveryPointsByResource(String resourceArn, String resourceType);
}
