package io.tierlens.backup.discovery;

import static io.tierlens.backup.testing.FakeBackupApi.job;
import static io.tierlens.backup.testing.FakeBackupApi.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.backup.BackupConfig;
import io.tierlens.backup.model.AwsBackupState;
import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.model.RecoveryPoint;
import io.tierlens.backup.testing.FakeBackupApi;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.backup.model.BackupException;

class AwsBackupReaderTest {
    private static final Instant NOW = TestEnvironment.START;
    private static final String FRESH = "arn:aws:rds:eu-west-1:123456789012:db:fresh";
    private static final String STALE = "arn:aws:rds:eu-west-1:123456789012:db:stale";
    private static final String EXPIRED = "arn:aws:rds:eu-west-1:123456789012:db:expired";

    private final FakeBackupApi api = new FakeBackupApi();

    private AwsBackupState read() {
        return new AwsBackupReader(BackupConfig.defaults(), api, new MutableClock(NOW)).read();
    }

    private static Instant ago(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    private static RuntimeException error(int status, String code) {
        return BackupException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(code)
                        .build())
                .build();
    }

    @Test
    void accessDeniedToTheVaultsIsAFailureNeverNotConfigured() {
        api.fail("ListBackupVaults", () -> error(403, "AccessDeniedException"));

        assertThatThrownBy(this::read)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED));
        assertThat(api.calls).containsExactly("ListBackupVaults()");
    }

    @Test
    void noVaultMeansNotConfiguredAndNothingElseIsAsked() {
        assertThat(read().configured()).isFalse();
        assertThat(api.calls).containsExactly("ListBackupVaults()");
    }

    @Test
    void otherErrorsAreFailuresNotAStateOfTheAccount() {
        api.fail("ListBackupVaults", () -> error(400, "ThrottlingException"));
        assertThatThrownBy(this::read).isInstanceOf(BackupException.class);

        api.heal();
        api.vaults.add(new BackupVault("nightly", 1));
        api.fail("ListBackupJobs", () -> error(403, "AccessDeniedException"));
        assertThatThrownBy(this::read).isInstanceOf(BackupException.class);
    }

    @Test
    void readsTheWindowPerVaultAndLooksUpOnlyResourcesWithoutAUsableRecoveryPointInIt() {
        api.vaults.add(new BackupVault("nightly", 4));
        api.vaults.add(new BackupVault("dr-copy", 1));
        api.jobs.add(job("nightly", FRESH, "COMPLETED", "SUCCESS", ago(5), ago(4)));
        api.jobs.add(job("nightly", FRESH, "COMPLETED", "SUCCESS", ago(50), ago(49)));
        api.resources.add(new ProtectedResource(FRESH, "RDS", Optional.of(ago(5))));
        api.resources.add(new ProtectedResource(STALE, "RDS", Optional.of(ago(100))));
        api.resources.add(new ProtectedResource(EXPIRED, "RDS", Optional.of(ago(10))));
        api.points.add(point("nightly", FRESH, "COMPLETED", ago(5), ago(4)));
        api.points.add(point("nightly", STALE, "COMPLETED", ago(100), ago(99)));
        api.points.add(point("nightly", EXPIRED, "EXPIRED", ago(10), ago(9)));

        AwsBackupState s = read();

        assertThat(s.configured()).isTrue();
        assertThat(api.calls)
                .containsExactly(
                        "ListBackupVaults()",
                        "ListBackupJobs(" + ago(48) + ")",
                        "ListProtectedResources()",
                        "ListRecoveryPointsByBackupVault(nightly)",
                        "ListRecoveryPointsByBackupVault(dr-copy)",
                        "ListRecoveryPointsByResource(" + STALE + ")",
                        "ListRecoveryPointsByResource(" + EXPIRED + ")");
        assertThat(s.jobs()).hasSize(1);
        assertThat(s.recoveryPoints())
                .extracting(RecoveryPoint::resourceArn)
                .containsExactly(FRESH, EXPIRED, STALE, EXPIRED);
        assertThat(s.readAt()).isEqualTo(NOW);
    }
}
