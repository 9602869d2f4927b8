package io.tierlens.backup;

import io.tierlens.backup.client.BackupApi;
import io.tierlens.backup.client.RdsBackupApi;
import io.tierlens.backup.collector.AwsBackupCollector;
import io.tierlens.backup.collector.ProtectionCollector;
import io.tierlens.backup.collector.RdsBackupCollector;
import io.tierlens.backup.discovery.AwsBackupReader;
import io.tierlens.backup.discovery.RdsBackupReader;
import io.tierlens.backup.model.AwsBackupState;
import io.tierlens.backup.model.RdsBackupInventory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.SettingsExporter;
import io.tierlens.core.poll.KeptRead;
import io.tierlens.core.poll.PartsPoller;
import io.tierlens.core.poll.TargetRefresh;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a restorable copy newer than the RPO exists for every resource, in every target of the environment:
 * RDS point-in-time recovery, snapshots and replicated automated backups, and AWS Backup jobs and recovery points.
 * No CloudWatch. Each target reads its RDS and AWS Backup parts independently ({@link PartsPoller}); AWS Backup not
 * being used is a state ({@code tierlens_backup_aws_backup_configured} 0), not a failure.
 */
public final class BackupExporter extends SettingsExporter {
    private static final Logger log = LoggerFactory.getLogger(BackupExporter.class);

    private final RdsBackupCollector rdsCollector;
    private final AwsBackupCollector awsBackupCollector = new AwsBackupCollector();
    private final ProtectionCollector protection;
    private final TargetRefresh<BackupTarget> targets;

    /** A target's poller and its enabled parts, which the collectors read. */
    private record BackupTarget(
            PartsPoller poller,
            Optional<KeptRead<AwsTarget, RdsBackupInventory>> rds,
            Optional<KeptRead<AwsTarget, AwsBackupState>> awsBackup) {

        Optional<RdsBackupInventory> rds(Instant now) {
            return rds.flatMap(p -> p.value(now));
        }

        Optional<AwsBackupState> awsBackup(Instant now) {
            return awsBackup.flatMap(p -> p.value(now));
        }
    }

    public BackupExporter(
            BackupConfig config,
            ExporterEnvironment env,
            Function<AwsTarget, RdsBackupApi> rdsApis,
            Function<AwsTarget, BackupApi> backupApis) {
        super(BackupModule.NAME, config);
        Clock clock = env.clock();
        this.rdsCollector = new RdsBackupCollector(config.replicationRegions());
        this.protection = new ProtectionCollector(config);
        List<BackupTarget> all = new ArrayList<>();
        for (AwsTarget t : env.targets()) {
            Optional<KeptRead<AwsTarget, RdsBackupInventory>> rds = config.rds()
                    ? Optional.of(new KeptRead<>(
                            "rds",
                            "RDS backups could not be read",
                            target -> new RdsBackupReader(config, target.region(), rdsApis.apply(target), clock).read(),
                            clock,
                            config.maxStaleness()))
                    : Optional.empty();
            NotInUseNotice notice = new NotInUseNotice();
            Optional<KeptRead<AwsTarget, AwsBackupState>> awsBackup = config.awsBackup()
                    ? Optional.of(new KeptRead<>(
                            "aws_backup",
                            "AWS Backup could not be read",
                            target -> notice.observe(
                                    target, new AwsBackupReader(config, backupApis.apply(target), clock).read()),
                            clock,
                            config.maxStaleness()))
                    : Optional.empty();
            List<KeptRead<AwsTarget, ?>> parts = new ArrayList<>();
            rds.ifPresent(parts::add);
            awsBackup.ifPresent(parts::add);
            all.add(new BackupTarget(new PartsPoller(t, parts), rds, awsBackup));
        }
        this.targets = new TargetRefresh<>(BackupModule.NAME, all, BackupTarget::poller, clock, env.self());
    }

    @Override
    public RefreshResult refresh() throws Exception {
        // Everything here is a direct read of this refresh (or a kept part of an earlier one, within staleness).
        return targets.refresh((out, t, now) -> {
            AwsTarget target = t.poller().target();
            Optional<RdsBackupInventory> rds = t.rds(now);
            Optional<AwsBackupState> awsBackup = t.awsBackup(now);
            rds.ifPresent(inv -> rdsCollector.addTo(out, target, inv));
            awsBackup.ifPresent(state -> awsBackupCollector.addTo(out, target, state));
            protection.addTo(out, target, rds, awsBackup, now);
        });
    }

    /** Logs once when AWS Backup turns out not to be in use for a target (and again after it was in between). */
    private static final class NotInUseNotice {
        private boolean wasConfigured = true;

        AwsBackupState observe(AwsTarget target, AwsBackupState state) {
            if (wasConfigured && !state.configured()) {
                log.info(
                        "AWS Backup is not in use for {} (ListBackupVaults found no vault):"
                                + " tierlens_backup_aws_backup_configured is 0, RDS backups are still reported",
                        target);
            }
            wasConfigured = state.configured();
            return state;
        }
    }

    @Override
    public List<String> initialTargets() {
        return targets.targetKeys();
    }
}
