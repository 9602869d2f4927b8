package io.tierlens.backup;

import io.tierlens.backup.client.BackupApi;
import io.tierlens.backup.client.QueryRdsBackupApi;
import io.tierlens.backup.client.RdsBackupApi;
import io.tierlens.backup.client.SdkBackupApi;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import java.util.function.Function;
import software.amazon.awssdk.services.backup.BackupClient;

/**
 * The backup exporter module: config section {@code exporters.backup}, metrics {@code tierlens_backup_*}. It asks
 * nothing of CloudWatch, so it has no inventory kinds for {@code tierlens plan}.
 */
public final class BackupModule implements ExporterModule<BackupConfig> {
    public static final String NAME = "backup";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<BackupConfig> configType() {
        return BackupConfig.class;
    }

    @Override
    public Exporter create(BackupConfig config, ExporterEnvironment env) {
        Function<AwsTarget, RdsBackupApi> rds = target -> env.clients()
                .get(
                        RdsBackupApi.class,
                        target,
                        t -> new QueryRdsBackupApi(env.clients().factory().query(QueryService.RDS, t)));
        Function<AwsTarget, BackupApi> backup = target -> env.clients()
                .get(
                        BackupApi.class,
                        target,
                        t -> new SdkBackupApi(env.clients().factory().build(BackupClient.builder(), t)));
        return new BackupExporter(config, env, rds, backup);
    }
}
