package io.tierlens.backup.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.backup.client.BackupApi;
import io.tierlens.backup.client.RdsBackupApi;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.FakeApiClients;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The real runtime pieces around fake RDS and AWS Backup APIs, on a clock the test controls. */
public final class TestEnvironment {
    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    public static final AwsTarget TARGET =
            AwsTarget.defaultCredentials(FakeRdsBackupApi.ACCOUNT, FakeRdsBackupApi.REGION);

    public final MutableClock clock = new MutableClock(NOW);
    public final PrometheusRegistry registry = new PrometheusRegistry();
    public final SelfMetrics self = new SelfMetrics(registry);
    public final Map<String, FakeRdsBackupApi> rdsApis = new HashMap<>();
    public final Map<String, FakeBackupApi> backupApis = new HashMap<>();

    public FakeRdsBackupApi rds(AwsTarget target) {
        return rdsApis.computeIfAbsent(target.key(), k -> new FakeRdsBackupApi());
    }

    public FakeRdsBackupApi rds() {
        return rds(TARGET);
    }

    public FakeBackupApi backup(AwsTarget target) {
        return backupApis.computeIfAbsent(target.key(), k -> new FakeBackupApi());
    }

    public FakeBackupApi backup() {
        return backup(TARGET);
    }

    public ExporterEnvironment environment(List<AwsTarget> targets) {
        FakeApiClients clients = new FakeApiClients();
        clients.register(RdsBackupApi.class, this::rds);
        clients.register(BackupApi.class, this::backup);
        CloudWatchPlanner unused = new CloudWatchPlanner(
                new CloudWatchConfig(null, null, null, null, null),
                t -> {
                    throw new AssertionError("the backup exporter must not call CloudWatch");
                },
                clock,
                self);
        return new ExporterEnvironment(clock, targets, clients, unused, self);
    }

    public ExporterEnvironment environment() {
        return environment(List.of(TARGET));
    }
}
