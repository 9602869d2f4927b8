package io.tierlens.backup.client;

import io.tierlens.backup.model.BackupJob;
import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.model.RecoveryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.ListBackupJobsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsRequest;
import software.amazon.awssdk.services.backup.model.ListProtectedResourcesRequest;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByResourceRequest;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointByResource;

/** {@link BackupApi} over the AWS SDK's Backup client (REST-JSON). Pages are followed by the SDK's paginators. */
public final class SdkBackupApi implements BackupApi, AutoCloseable {
    /** The largest page ListBackupJobs and ListProtectedResources allow. */
    static final int PAGE_SIZE = 1000;

    private final BackupClient client;

    public SdkBackupApi(BackupClient client) {
        this.client = client;
    }

    @Override
    public List<BackupVault> listBackupVaults() {
        List<BackupVault> out = new ArrayList<>();
        for (BackupVaultListMember v : client.listBackupVaultsPaginator(
                        ListBackupVaultsRequest.builder().build())
                .backupVaultList()) {
            out.add(new BackupVault(
                    v.backupVaultName(), v.numberOfRecoveryPoints() == null ? 0 : v.numberOfRecoveryPoints()));
        }
        return out;
    }

    @Override
    public List<BackupJob> listBackupJobs(Instant createdAfter) {
        List<BackupJob> out = new ArrayList<>();
        var pages = client.listBackupJobsPaginator(ListBackupJobsRequest.builder()
                .byCreatedAfter(createdAfter)
                .maxResults(PAGE_SIZE)
                .build());
        for (var j : pages.backupJobs()) {
            if (j.creationDate() == null) {
                continue; // every job has one; a job without cannot be placed in the window
            }
            out.add(new BackupJob(
                    nullToEmpty(j.backupVaultName()),
                    nullToEmpty(j.resourceArn()),
                    nullToEmpty(j.resourceType()),
                    nullToEmpty(j.stateAsString()),
                    Optional.ofNullable(j.messageCategory()).filter(c -> !c.isEmpty()),
                    j.creationDate(),
                    Optional.ofNullable(j.completionDate()),
                    Boolean.TRUE.equals(j.isParent())));
        }
        return out;
    }

    @Override
    public List<ProtectedResource> listProtectedResources() {
        List<ProtectedResource> out = new ArrayList<>();
        var pages = client.listProtectedResourcesPaginator(
                ListProtectedResourcesRequest.builder().maxResults(PAGE_SIZE).build());
        for (var r : pages.results()) {
            out.add(new ProtectedResource(
                    nullToEmpty(r.resourceArn()),
                    nullToEmpty(r.resourceType()),
                    Optional.ofNullable(r.lastBackupTime())));
        }
        return out;
    }

    @Override
    public List<RecoveryPoint> listRecoveryPointsByBackupVault(String vault, Instant createdAfter) {
        List<RecoveryPoint> out = new ArrayList<>();
        var pages = client.listRecoveryPointsByBackupVaultPaginator(ListRecoveryPointsByBackupVaultRequest.builder()
                .backupVaultName(vault)
                .byCreatedAfter(createdAfter)
                .build());
        for (RecoveryPointByBackupVault p : pages.recoveryPoints()) {
            if (p.creationDate() == null) {
                continue;
            }
            out.add(new RecoveryPoint(
                    vault,
                    nullToEmpty(p.resourceArn()),
                    nullToEmpty(p.resourceType()),
                    nullToEmpty(p.statusAsString()),
                    p.creationDate(),
                    Optional.ofNullable(p.completionDate())));
        }
        return out;
    }

    /** Only recovery points AWS Backup manages: for RDS the others are RDS's own automated snapshots. */
    @Override
    public List<RecoveryPoint> listRecoveryPointsByResource(String resourceArn, String resourceType) {
        List<RecoveryPoint> out = new ArrayList<>();
        var pages = client.listRecoveryPointsByResourcePaginator(ListRecoveryPointsByResourceRequest.builder()
                .resourceArn(resourceArn)
                .managedByAWSBackupOnly(true)
                .build());
        for (RecoveryPointByResource p : pages.recoveryPoints()) {
            if (p.creationDate() == null) {
                continue;
            }
            out.add(new RecoveryPoint(
                    nullToEmpty(p.backupVaultName()),
                    resourceArn,
                    resourceType,
                    nullToEmpty(p.statusAsString()),
                    p.creationDate(),
                    Optional.empty()));
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        client.close();
    }
}
