package io.tierlens.backup.collector;

import io.tierlens.backup.BackupConfig;
import io.tierlens.backup.model.AwsBackupState;
import io.tierlens.backup.model.BackupMechanism;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.model.RdsBackupInventory;
import io.tierlens.backup.model.RecoveryPoint;
import io.tierlens.backup.model.ResourceNames;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which resources have a restorable copy newer than the look-back window, and the RPO target of each. The
 * inventory is the RDS instances the exporter watches plus every resource AWS Backup protects; a resource counts
 * as protected when an AWS Backup recovery point or an available RDS snapshot (any type) of it was created in
 * the window. Read replicas (whose data is their source's) and instances being created or deleted are not part
 * of the inventory. The RPO target is published once per resource and required mechanism that can protect it
 * (AWS Backup for the resources it protects, snapshots for RDS instances, point-in-time restore for RDS instances
 * with automated backups on), so that the rules judge each mechanism's newest copy on its own. Pure: the caller
 * passes the time.
 */
public final class ProtectionCollector {
    static final String RPO_TARGET = "tierlens_backup_rpo_target_seconds";
    static final String UNPROTECTED = "tierlens_backup_unprotected_resources";
    static final String PROTECTED = "tierlens_backup_resource_protected";
    /** AWS Backup's resource type for an RDS DB instance, used for the RDS inventory too so both line up. */
    static final String RDS_TYPE = "RDS";

    static final Set<String> TRANSIENT_STATUSES = Set.of("creating", "deleting");

    private final BackupConfig config;

    public ProtectionCollector(BackupConfig config) {
        this.config = config;
    }

    public void addTo(
            SnapshotAssembler out,
            AwsTarget target,
            Optional<RdsBackupInventory> rds,
            Optional<AwsBackupState> awsBackup,
            Instant now) {
        String account = target.accountId();
        String region = target.region();
        Instant since = now.minus(config.lookback());
        Map<String, Resource> inventory = new LinkedHashMap<>();
        Set<String> protectedArns = new HashSet<>();
        rds.ifPresent(inv -> {
            for (DbBackupState i : inv.instances()) {
                if (i.replicaSource().isEmpty() && !TRANSIENT_STATUSES.contains(i.status())) {
                    Resource r = new Resource(RDS_TYPE, i.identifier(), EnumSet.of(BackupMechanism.SNAPSHOT));
                    if (i.retentionDays() > 0) {
                        r.mechanisms().add(BackupMechanism.PITR);
                    }
                    inventory.put(i.arn(), r);
                }
            }
            Map<String, String> arnById = new LinkedHashMap<>();
            inv.instances().forEach(i -> arnById.put(i.identifier(), i.arn()));
            for (DbSnapshot s : inv.snapshots()) {
                if (s.available() && !s.created().get().isBefore(since) && arnById.containsKey(s.dbInstance())) {
                    protectedArns.add(arnById.get(s.dbInstance()));
                }
            }
        });
        awsBackup.filter(AwsBackupState::configured).ifPresent(state -> {
            for (ProtectedResource r : state.protectedResources()) {
                inventory
                        .computeIfAbsent(
                                r.arn(),
                                arn -> new Resource(
                                        r.type(), ResourceNames.of(arn), EnumSet.noneOf(BackupMechanism.class)))
                        .mechanisms()
                        .add(BackupMechanism.AWS_BACKUP);
            }
            for (RecoveryPoint p : state.recoveryPoints()) {
                if (p.usable() && !p.created().isBefore(since)) {
                    protectedArns.add(p.resourceArn());
                }
            }
        });

        FamilyBuilder rpo = out.gauge(
                RPO_TARGET,
                "Recovery point objective of the resource (exporters.backup.rpo_target / rpo_targets), once per"
                        + " required mechanism that protects it (exporters.backup.required_mechanisms).",
                "account_id",
                "region",
                "resource",
                "mechanism");
        FamilyBuilder each = out.gauge(
                PROTECTED,
                "1 if the resource has an AWS Backup recovery point or an RDS snapshot created in the look-back"
                        + " window, else 0.",
                "account_id",
                "region",
                "resource_type",
                "resource");
        Map<String, Integer> unprotected = new TreeMap<>();
        inventory.forEach((arn, r) -> {
            boolean ok = protectedArns.contains(arn);
            for (BackupMechanism m : r.mechanisms()) {
                if (config.requires(m)) {
                    rpo.add(config.rpoTargetOf(r.name()).toSeconds(), account, region, r.name(), m.label());
                }
            }
            each.add(ok ? 1 : 0, account, region, r.type(), r.name());
            unprotected.merge(r.type(), ok ? 0 : 1, Integer::sum);
        });
        FamilyBuilder count = out.gauge(
                UNPROTECTED,
                "Resources with no recovery point (AWS Backup) or snapshot (RDS) in the look-back window, by type.",
                "account_id",
                "region",
                "resource_type");
        unprotected.forEach((type, n) -> count.add(n, account, region, type));
    }

    /** {@code mechanisms} is filled while the inventory is built, then only read. */
    private record Resource(String type, String name, EnumSet<BackupMechanism> mechanisms) {}
}
