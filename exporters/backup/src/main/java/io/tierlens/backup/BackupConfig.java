package io.tierlens.backup;

import io.tierlens.backup.model.BackupMechanism;
import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.Globs;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code exporters.backup:}
 *
 * @param enabled default true
 * @param refresh how often RDS backups and AWS Backup are read, default 10m (backups change a few times a day)
 * @param maxStaleness how long last good data is served while refreshes fail, default 1h
 * @param lookback the window for backup jobs, recovery points and "protected", default 48h (at most 30d: AWS
 *     Backup lists jobs of the last 30 days only)
 * @param rpoTarget the recovery point objective of every resource, {@code tierlens_backup_rpo_target_seconds},
 *     default 24h
 * @param rpoTargets per-resource overrides of {@code rpo_target}, by resource name (e.g. a DB instance identifier)
 * @param requiredMechanisms the mechanisms ({@code aws_backup}, {@code snapshot}, {@code pitr}) whose newest copy
 *     must be within the RPO target, each judged on its own; default {@code [aws_backup, snapshot]}, the nightly
 *     ones (point-in-time restore lags minutes behind and has its own alert)
 * @param rds read RDS backups (LatestRestorableTime, snapshots, automated backups), default true
 * @param awsBackup read AWS Backup (vaults, jobs, recovery points), default true
 * @param replicationRegions regions automated backups should be replicated to; an instance without a
 *     replication there reports {@code tierlens_backup_rds_cross_region_replication} 0 for that region
 * @param names only DB instances whose identifier matches one of these globs; empty = all
 * @param tags only DB instances with all these tags; a value of {@code "*"} means "tag present"
 */
public record BackupConfig(
        Boolean enabled,
        Duration refresh,
        Duration maxStaleness,
        Duration lookback,
        Duration rpoTarget,
        Map<String, Duration> rpoTargets,
        List<String> requiredMechanisms,
        Boolean rds,
        Boolean awsBackup,
        List<String> replicationRegions,
        List<String> names,
        Map<String, String> tags)
        implements ExporterSettings, ConfigChecked {

    static final Duration MAX_LOOKBACK = Duration.ofDays(30);
    static final List<BackupMechanism> DEFAULT_REQUIRED = List.of(BackupMechanism.AWS_BACKUP, BackupMechanism.SNAPSHOT);

    public BackupConfig {
        enabled = enabled == null || enabled;
        refresh = refresh == null ? Duration.ofMinutes(10) : refresh;
        maxStaleness = maxStaleness == null ? Duration.ofHours(1) : maxStaleness;
        lookback = lookback == null ? Duration.ofHours(48) : lookback;
        rpoTarget = rpoTarget == null ? Duration.ofHours(24) : rpoTarget;
        rpoTargets = rpoTargets == null ? Map.of() : Map.copyOf(rpoTargets);
        requiredMechanisms = requiredMechanisms == null
                ? DEFAULT_REQUIRED.stream().map(BackupMechanism::label).toList()
                : List.copyOf(requiredMechanisms);
        rds = rds == null || rds;
        awsBackup = awsBackup == null || awsBackup;
        replicationRegions = replicationRegions == null ? List.of() : List.copyOf(replicationRegions);
        names = names == null ? List.of() : List.copyOf(names);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static BackupConfig defaults() {
        return new BackupConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The RPO target of one resource. */
    public Duration rpoTargetOf(String resource) {
        return rpoTargets.getOrDefault(resource, rpoTarget);
    }

    /** Whether the RPO of {@code mechanism} is judged (an unknown name in the list is a config error). */
    public boolean requires(BackupMechanism mechanism) {
        return requiredMechanisms.contains(mechanism.label());
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        ExporterSettings.checkCommon(this, path, problems);
        Globs.check(names, ConfigProblems.join(path, "names"), problems);
        if (lookback.compareTo(Duration.ofHours(1)) < 0 || lookback.compareTo(MAX_LOOKBACK) > 0) {
            problems.add(
                    ConfigProblems.join(path, "lookback"),
                    "must be between 1h and 30d",
                    "AWS Backup lists the jobs of the last 30 days; the default is 48h (twice a daily RPO)");
        }
        if (rpoTarget.isZero()) {
            problems.add(ConfigProblems.join(path, "rpo_target"), "must be longer than 0s", "the default is 24h");
        }
        rpoTargets.forEach((resource, d) -> {
            if (d == null || d.isZero()) {
                problems.add(
                        ConfigProblems.join(path, "rpo_targets." + resource),
                        "must be a duration longer than 0s",
                        "e.g. 4h");
            }
        });
        for (int i = 0; i < requiredMechanisms.size(); i++) {
            String m = requiredMechanisms.get(i);
            if (m == null || BackupMechanism.ofLabel(m).isEmpty()) {
                problems.add(
                        ConfigProblems.join(path, "required_mechanisms") + "[" + i + "]",
                        "unknown mechanism " + m,
                        "one of aws_backup, snapshot, pitr");
            }
        }
        if (!rds && !awsBackup) {
            problems.add(
                    path, "both rds and aws_backup are off, so there is nothing to read", "set enabled: false instead");
        }
    }
}
