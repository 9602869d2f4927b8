package io.tierlens.backup;

import static io.tierlens.backup.testing.FakeBackupApi.job;
import static io.tierlens.backup.testing.FakeBackupApi.point;
import static io.tierlens.backup.testing.FakeRdsBackupApi.arn;
import static io.tierlens.backup.testing.FakeRdsBackupApi.primary;
import static io.tierlens.backup.testing.FakeRdsBackupApi.snapshot;
import static io.tierlens.core.testing.Snapshots.size;
import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.testing.FakeBackupApi;
import io.tierlens.backup.testing.FakeRdsBackupApi;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.model.BackupException;

class BackupExporterTest {
    private final TestEnvironment env = new TestEnvironment();
    private final TestEnvironment.Fakes<FakeRdsBackupApi> rds = FakeRdsBackupApi.in(env);
    private final TestEnvironment.Fakes<FakeBackupApi> backup = FakeBackupApi.in(env);
    private final Instant now = TestEnvironment.START;

    private Exporter exporter() {
        return new BackupModule().create(BackupConfig.defaults(), env.environment());
    }

    private Instant ago(int hours) {
        return now.minus(Duration.ofHours(hours));
    }

    private static RuntimeException throttled() {
        return BackupException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ThrottlingException")
                        .errorMessage("Rate exceeded")
                        .build())
                .build();
    }

    private static RuntimeException denied() {
        return BackupException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage("not authorized")
                        .build())
                .build();
    }

    private void shopDb() {
        rds.get().instances.add(primary("shop-db-1", now.minus(Duration.ofMinutes(5))));
        rds.get().snapshots.add(snapshot("shop-db-1", DbSnapshot.AUTOMATED, ago(16)));
        rds.get().snapshots.add(snapshot("shop-db-1", DbSnapshot.AWS_BACKUP, ago(25)));
    }

    private void nightlyPlan() {
        backup.get().vaults.add(new BackupVault("shop-nightly", 2));
        backup.get().resources.add(new ProtectedResource(arn("shop-db-1"), "RDS", Optional.of(ago(25))));
        backup.get().jobs.add(job("shop-nightly", arn("shop-db-1"), "COMPLETED", "SUCCESS", ago(25), ago(24)));
        backup.get().jobs.add(job("shop-nightly", arn("shop-db-1"), "FAILED", "AccessDenied", ago(1), ago(1)));
        backup.get().points.add(point("shop-nightly", arn("shop-db-1"), "COMPLETED", ago(25), ago(24)));
    }

    @Test
    void oneRefreshReportsRdsAndAwsBackupWithoutCloudWatch() throws Exception {
        shopDb();
        nightlyPlan();

        RefreshResult r = exporter().refresh();

        assertThat(r.partialFailures()).isEmpty();
        assertThat(r.dataTimestamp()).isEqualTo(now);
        assertThat(value(r.data(), "tierlens_backup_aws_backup_configured")).contains(1.0);
        assertThat(value(r.data(), "tierlens_backup_jobs", "vault", "shop-nightly", "state", "failed"))
                .contains(1.0);
        assertThat(value(r.data(), "tierlens_backup_last_success_timestamp_seconds", "resource", "shop-db-1"))
                .contains((double) ago(24).getEpochSecond());
        assertThat(value(r.data(), "tierlens_backup_rds_latest_snapshot_timestamp_seconds", "type", "awsbackup"))
                .contains((double) ago(25).getEpochSecond());
        assertThat(value(
                        r.data(),
                        "tierlens_backup_rpo_target_seconds",
                        "resource",
                        "shop-db-1",
                        "mechanism",
                        "aws_backup"))
                .contains(86_400.0);
        assertThat(value(r.data(), "tierlens_backup_unprotected_resources", "resource_type", "RDS"))
                .contains(0.0);
    }

    @Test
    void awsBackupNotConfiguredIsAMetricNotAnErrorAndTheRdsPartContinues() throws Exception {
        shopDb();

        RefreshResult r = exporter().refresh();

        assertThat(r.partialFailures()).isEmpty();
        assertThat(r.targets())
                .singleElement()
                .satisfies(t -> assertThat(t.up()).isTrue());
        assertThat(value(r.data(), "tierlens_backup_aws_backup_configured")).contains(0.0);
        assertThat(value(r.data(), "tierlens_backup_rds_retention_seconds", "db_instance", "shop-db-1"))
                .contains(7 * 86_400.0);
        assertThat(size(r.data(), "tierlens_backup_jobs")).isZero();
    }

    @Test
    void deniedAwsBackupIsAFailureOfTheTargetNotAnAccountWithoutAwsBackup() throws Exception {
        shopDb();
        backup.get().fail("ListBackupVaults", BackupExporterTest::denied);

        RefreshResult r = exporter().refresh();

        assertThat(size(r.data(), "tierlens_backup_aws_backup_configured")).isZero();
        assertThat(r.partialFailures())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo(FailureReason.ACCESS_DENIED));
        assertThat(r.targets()).singleElement().satisfies(t -> {
            assertThat(t.target()).isEqualTo("123456789012/eu-west-1");
            assertThat(t.up()).isFalse();
            assertThat(t.reasons()).containsExactly(FailureReason.ACCESS_DENIED);
        });
        // The RDS part still serves.
        assertThat(size(r.data(), "tierlens_backup_rds_retention_seconds")).isEqualTo(1);
    }

    @Test
    void aFailingAwsBackupKeepsItsLastGoodPartWhileRdsGoesOn() throws Exception {
        shopDb();
        nightlyPlan();
        Exporter exporter = exporter();
        exporter.refresh();
        backup.get().fail("ListBackupJobs", BackupExporterTest::throttled);
        env.clock.advance(Duration.ofMinutes(10));

        RefreshResult r = exporter.refresh();

        assertThat(r.partialFailures()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(FailureReason.THROTTLED);
            // The error code, never AWS's message text (which names principals and carries request ids).
            assertThat(p.message())
                    .isEqualTo("AWS Backup could not be read for account=123456789012 region=eu-west-1; keeping the"
                            + " previous result: ThrottlingException (HTTP 400)");
        });
        assertThat(value(r.data(), "tierlens_backup_jobs", "state", "failed")).contains(1.0);

        // Past max_staleness (1h) the kept part is dropped rather than served as if it were current.
        env.clock.advance(Duration.ofMinutes(55));
        RefreshResult later = exporter.refresh();
        assertThat(size(later.data(), "tierlens_backup_jobs")).isZero();
        assertThat(size(later.data(), "tierlens_backup_rds_retention_seconds")).isEqualTo(1);
    }

    @Test
    void whenEverythingFailsTheRefreshThrows() {
        rds.get()
                .fail(
                        "DescribeDBInstances",
                        () -> AwsServiceException.builder()
                                .statusCode(503)
                                .message("unavailable")
                                .build());
        backup.get().fail("ListBackupVaults", BackupExporterTest::throttled);

        assertThatThrownBy(() -> exporter().refresh())
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.REMOTE_ERROR));
    }

    @Test
    void partsCanBeSwitchedOff() throws Exception {
        shopDb();
        nightlyPlan();
        BackupConfig rdsOnly =
                new BackupConfig(null, null, null, null, null, null, null, true, false, null, null, null);

        RefreshResult r = new BackupModule().create(rdsOnly, env.environment()).refresh();

        assertThat(backup.get().calls).isEmpty();
        assertThat(size(r.data(), "tierlens_backup_aws_backup_configured")).isZero();
        assertThat(size(r.data(), "tierlens_backup_rds_retention_seconds")).isEqualTo(1);
    }

    @Test
    void moduleNamesItsConfigAndHasNoCloudWatchPlan() {
        BackupModule m = new BackupModule();
        assertThat(m.name()).isEqualTo("backup");
        assertThat(m.configType()).isEqualTo(BackupConfig.class);
        assertThat(m.inventoryKinds()).isEmpty();
        assertThat(exporter().refreshInterval()).isEqualTo(Duration.ofMinutes(10));
    }
}
