package io.tierlens.backup.discovery;

import io.tierlens.backup.BackupConfig;
import io.tierlens.backup.client.BackupApi;
import io.tierlens.backup.model.AwsBackupState;
import io.tierlens.backup.model.BackupJob;
import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.model.RecoveryPoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads AWS Backup for one (account, region) with as few calls as give a correct answer:
 *
 * <ol>
 *   <li>ListBackupVaults — no vault means AWS Backup is not used here ("not configured"); access denied is a
 *       failure of the target like any other, never "not configured";
 *   <li>ListBackupJobs with {@code ByCreatedAfter} = now − look-back;
 *   <li>ListProtectedResources — every resource with a recovery point, whatever its status or age;
 *   <li>ListRecoveryPointsByBackupVault per vault with {@code ByCreatedAfter} — vaults are few, resources many;
 *   <li>ListRecoveryPointsByResource only for protected resources with no usable recovery point in the window, to
 *       find how old their newest one is. ListProtectedResources' {@code LastBackupTime} cannot be used for that:
 *       AWS counts recovery points of any status there, expired and deleted ones included.
 * </ol>
 *
 * A healthy account costs 3 + vaults calls (plus pages) per refresh.
 */
public final class AwsBackupReader {
    private final BackupConfig config;
    private final BackupApi api;
    private final Clock clock;

    public AwsBackupReader(BackupConfig config, BackupApi api, Clock clock) {
        this.config = config;
        this.api = api;
        this.clock = clock;
    }

    /** One read; every SDK exception propagates, access denied included. */
    public AwsBackupState read() {
        Instant now = clock.instant();
        // Access denied propagates: a denied account is a blind spot, not one without AWS Backup. Reporting it as
        // "not configured" made its RPO alerts go absent instead of firing.
        List<BackupVault> vaults = api.listBackupVaults();
        if (vaults.isEmpty()) {
            return AwsBackupState.notConfigured(now);
        }
        Instant since = now.minus(config.lookback());
        List<BackupJob> jobs = api.listBackupJobs(since);
        List<ProtectedResource> resources = api.listProtectedResources();
        List<RecoveryPoint> points = new ArrayList<>();
        for (BackupVault v : vaults) {
            points.addAll(api.listRecoveryPointsByBackupVault(v.name(), since));
        }
        Set<String> covered = new HashSet<>();
        for (RecoveryPoint p : points) {
            if (p.usable()) {
                covered.add(p.resourceArn());
            }
        }
        for (ProtectedResource r : resources) {
            if (!covered.contains(r.arn())) {
                points.addAll(api.listRecoveryPointsByResource(r.arn(), r.type()));
            }
        }
        return new AwsBackupState(true, vaults, jobs, resources, points, now);
    }
}
