package io.tierlens.backup;

import io.tierlens.backup.client.BackupApi;
import io.tierlens.backup.client.RdsBackupApi;
import io.tierlens.backup.discovery.AwsBackupReader;
import io.tierlens.backup.discovery.RdsBackupReader;
import io.tierlens.backup.model.AwsBackupState;
import io.tierlens.backup.model.RdsBackupInventory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup exporter's state for one (account, region), in two parts that fail independently: RDS and AWS
 * Backup. A part that fails keeps its last good result for up to {@code max_staleness}; AWS Backup not being
 * used is a state ({@code tierlens_backup_aws_backup_configured} 0), not a failure. Used from the exporter's
 * refresh thread only.
 */
final class TargetPoller {
    static final String EXPORTER = "backup";
    private static final Logger log = LoggerFactory.getLogger(TargetPoller.class);

    private final AwsTarget target;
    private final BackupConfig config;
    private final Function<AwsTarget, RdsBackupApi> rdsApis;
    private final Function<AwsTarget, BackupApi> backupApis;
    private final Clock clock;

    private Optional<RdsBackupInventory> rds = Optional.empty();
    private Optional<AwsBackupState> awsBackup = Optional.empty();

    TargetPoller(
            AwsTarget target,
            BackupConfig config,
            Function<AwsTarget, RdsBackupApi> rdsApis,
            Function<AwsTarget, BackupApi> backupApis,
            Clock clock) {
        this.target = target;
        this.config = config;
        this.rdsApis = rdsApis;
        this.backupApis = backupApis;
        this.clock = clock;
    }

    AwsTarget target() {
        return target;
    }

    /** Reads the enabled parts; never throws. */
    Outcome poll() {
        List<PartialFailure> failures = new ArrayList<>();
        Exception firstError = null;
        int succeeded = 0;
        if (config.rds()) {
            try {
                rds = Optional.of(new RdsBackupReader(config, target.region(), rdsApis.apply(target), clock).read());
                succeeded++;
            } catch (RuntimeException e) {
                failures.add(failure(e, "RDS backups could not be read for " + target + keeping(rds.isPresent())));
                firstError = e;
            }
        }
        if (config.awsBackup()) {
            try {
                AwsBackupState state = new AwsBackupReader(config, backupApis.apply(target), clock).read();
                boolean wasConfigured =
                        awsBackup.map(AwsBackupState::configured).orElse(true);
                if (wasConfigured && !state.configured()) {
                    log.info(
                            "AWS Backup is not in use for {} (no backup vault, or ListBackupVaults denied):"
                                    + " tierlens_backup_aws_backup_configured is 0, RDS backups are still reported",
                            target);
                }
                awsBackup = Optional.of(state);
                succeeded++;
            } catch (RuntimeException e) {
                failures.add(failure(e, "AWS Backup could not be read for " + target + keeping(awsBackup.isPresent())));
                if (firstError == null) {
                    firstError = e;
                }
            }
        }
        return new Outcome(succeeded, failures, Optional.ofNullable(firstError));
    }

    private static String keeping(boolean present) {
        return present ? "; keeping the previous result" : "";
    }

    /** The RDS part, unless older than {@code max_staleness}. */
    Optional<RdsBackupInventory> rds(Instant now) {
        return rds.filter(r -> !now.isAfter(r.readAt().plus(config.maxStaleness())));
    }

    /** The AWS Backup part, unless older than {@code max_staleness}. */
    Optional<AwsBackupState> awsBackup(Instant now) {
        return awsBackup.filter(s -> !now.isAfter(s.readAt().plus(config.maxStaleness())));
    }

    private static PartialFailure failure(Exception e, String message) {
        return new PartialFailure(FailureReason.of(e), message + ": " + e.getMessage());
    }

    /** What one poll of one target did. */
    record Outcome(int succeeded, List<PartialFailure> failures, Optional<Exception> firstError) {
        Outcome {
            failures = List.copyOf(failures);
        }

        boolean totalFailure() {
            return succeeded == 0 && firstError.isPresent();
        }
    }
}
