package io.tierlens.backup;

import io.tierlens.backup.client.BackupApi;
import io.tierlens.backup.client.RdsBackupApi;
import io.tierlens.backup.collector.AwsBackupCollector;
import io.tierlens.backup.collector.ProtectionCollector;
import io.tierlens.backup.collector.RdsBackupCollector;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a restorable copy newer than the RPO exists for every resource, in every target of the environment:
 * RDS point-in-time recovery, snapshots and replicated automated backups, and AWS Backup jobs and recovery points.
 * No CloudWatch. Targets and parts fail independently; only when everything failed does the refresh throw, so the
 * runner keeps serving the last good snapshot.
 */
public final class BackupExporter implements Exporter {
    private final BackupConfig config;
    private final Clock clock;
    private final SelfMetrics self;
    private final RdsBackupCollector rdsCollector;
    private final AwsBackupCollector awsBackupCollector = new AwsBackupCollector();
    private final ProtectionCollector protection;
    private final List<TargetPoller> pollers = new ArrayList<>();

    public BackupExporter(
            BackupConfig config,
            ExporterEnvironment env,
            Function<AwsTarget, RdsBackupApi> rdsApis,
            Function<AwsTarget, BackupApi> backupApis) {
        this.config = config;
        this.clock = env.clock();
        this.self = env.self();
        this.rdsCollector = new RdsBackupCollector(config.replicationRegions());
        this.protection = new ProtectionCollector(config);
        for (AwsTarget t : env.targets()) {
            pollers.add(new TargetPoller(t, config, rdsApis, backupApis, clock));
        }
    }

    @Override
    public String name() {
        return TargetPoller.EXPORTER;
    }

    @Override
    public Duration refreshInterval() {
        return config.refresh();
    }

    @Override
    public Duration maxStaleness() {
        return config.maxStaleness();
    }

    @Override
    public RefreshResult refresh() throws Exception {
        List<PartialFailure> partial = new ArrayList<>();
        Optional<Exception> firstError = Optional.empty();
        int totalFailures = 0;
        for (TargetPoller p : pollers) {
            TargetPoller.Outcome o = p.poll();
            partial.addAll(o.failures());
            if (o.totalFailure()) {
                totalFailures++;
                if (firstError.isEmpty()) {
                    firstError = o.firstError();
                }
            }
        }
        if (!pollers.isEmpty() && totalFailures == pollers.size() && firstError.isPresent()) {
            throw firstError.get();
        }
        Instant now = clock.instant();
        SnapshotAssembler out = new SnapshotAssembler();
        for (TargetPoller p : pollers) {
            var rds = p.rds(now);
            var awsBackup = p.awsBackup(now);
            rds.ifPresent(inv -> rdsCollector.addTo(out, p.target(), inv));
            awsBackup.ifPresent(state -> awsBackupCollector.addTo(out, p.target(), state));
            if (rds.isPresent() || awsBackup.isPresent()) {
                protection.addTo(out, p.target(), rds, awsBackup, now);
            }
        }
        if (out.duplicates() > 0) {
            self.seriesDropped(name(), out.duplicates());
        }
        // Everything here is a direct read of this refresh (or a kept part of an earlier one, within staleness).
        return new RefreshResult(out.build(), now, partial);
    }
}
