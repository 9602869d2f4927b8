package io.tierlens.backup.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tierlens.core.testing.AwsWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tierlens.backup.BackupConfig;
import io.tierlens.backup.discovery.AwsBackupReader;
import io.tierlens.backup.model.BackupJob;
import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.model.RecoveryPoint;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.core.testing.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;

/** AWS Backup over the wire: the REST-JSON requests of the real SDK and the JSON it parses, through {@link SdkBackupApi}. */
class SdkBackupApiProtocolTest {
    private static final String NEXT = "AAIAAg7xT3VhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=";
    private static final String SHOP_DB = "arn:aws:rds:eu-west-1:123456789012:db:shop-db-1";
    private static final Instant SINCE = Instant.parse("2026-11-19T10:00:00Z");

    private final AwsWireMock aws = new AwsWireMock(2);
    private final SdkBackupApi api = new SdkBackupApi(aws.client(BackupClient.builder()));

    @AfterEach
    void stop() {
        api.close();
        aws.close();
    }

    @Test
    void listBackupJobsFiltersByCreationTimeAndFollowsNextToken() {
        aws.server.stubFor(get(urlPathEqualTo("/backup-jobs/"))
                .withQueryParam("nextToken", absent())
                .willReturn(json("backup/list-backup-jobs-page1.json")));
        aws.server.stubFor(get(urlPathEqualTo("/backup-jobs/"))
                .withQueryParam("nextToken", equalTo(NEXT))
                .willReturn(json("backup/list-backup-jobs-page2.json")));

        List<BackupJob> jobs = api.listBackupJobs(SINCE);

        assertThat(jobs)
                .containsExactly(
                        new BackupJob(
                                "shop-nightly",
                                SHOP_DB,
                                "RDS",
                                "COMPLETED",
                                Optional.of("SUCCESS"),
                                Instant.parse("2026-11-20T19:00:12.481Z"),
                                Optional.of(Instant.parse("2026-11-20T19:20:18.907Z")),
                                false),
                        new BackupJob(
                                "shop-nightly",
                                "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0a1b2c3d4e5f67890",
                                "EBS",
                                "RUNNING",
                                Optional.empty(),
                                Instant.parse("2026-11-21T04:40:00Z"),
                                Optional.empty(),
                                false),
                        new BackupJob(
                                "shop-nightly",
                                SHOP_DB,
                                "RDS",
                                "FAILED",
                                Optional.of("AccessDenied"),
                                Instant.parse("2026-11-21T09:00:12Z"),
                                Optional.of(Instant.parse("2026-11-21T09:05:13.250Z")),
                                false));
        List<LoggedRequest> requests = aws.server.findAll(getRequestedFor(urlPathEqualTo("/backup-jobs/")));
        assertThat(requests).hasSize(2);
        for (LoggedRequest r : requests) {
            assertThat(Instant.parse(r.queryParameter("createdAfter").firstValue()))
                    .isEqualTo(SINCE);
            assertThat(r.queryParameter("maxResults").firstValue()).isEqualTo("1000");
        }
        assertThat(requests.get(1).queryParameter("nextToken").firstValue()).isEqualTo(NEXT);
    }

    @Test
    void vaultsProtectedResourcesAndRecoveryPoints() {
        aws.server.stubFor(get(urlPathEqualTo("/backup-vaults/")).willReturn(json("backup/list-backup-vaults.json")));
        aws.server.stubFor(get(urlPathEqualTo("/resources/")).willReturn(json("backup/list-protected-resources.json")));
        aws.server.stubFor(get(urlPathEqualTo("/backup-vaults/shop-nightly/recovery-points/"))
                .willReturn(json("backup/list-recovery-points-by-backup-vault.json")));
        aws.server.stubFor(get(urlPathMatching("/resources/.+/recovery-points/"))
                .willReturn(json("backup/list-recovery-points-by-resource.json")));

        assertThat(api.listBackupVaults()).containsExactly(new BackupVault("shop-nightly", 14));
        assertThat(api.listProtectedResources())
                .containsExactly(
                        new ProtectedResource(SHOP_DB, "RDS", Optional.of(Instant.parse("2026-11-20T19:00:12.481Z"))));
        assertThat(api.listRecoveryPointsByBackupVault("shop-nightly", SINCE))
                .containsExactly(new RecoveryPoint(
                        "shop-nightly",
                        SHOP_DB,
                        "RDS",
                        "COMPLETED",
                        Instant.parse("2026-11-20T19:00:12.481Z"),
                        Optional.of(Instant.parse("2026-11-20T19:20:18.907Z"))));
        assertThat(api.listRecoveryPointsByResource(SHOP_DB, "RDS"))
                .containsExactly(
                        new RecoveryPoint(
                                "weekly",
                                SHOP_DB,
                                "RDS",
                                "COMPLETED",
                                Instant.parse("2026-11-01T12:26:40Z"),
                                Optional.empty()),
                        new RecoveryPoint(
                                "weekly",
                                SHOP_DB,
                                "RDS",
                                "EXPIRED",
                                Instant.parse("2026-11-08T11:06:40Z"),
                                Optional.empty()));

        LoggedRequest byVault = aws.server
                .findAll(getRequestedFor(urlPathEqualTo("/backup-vaults/shop-nightly/recovery-points/")))
                .get(0);
        assertThat(Instant.parse(byVault.queryParameter("createdAfter").firstValue()))
                .isEqualTo(SINCE);
        LoggedRequest byResource = aws.server
                .findAll(getRequestedFor(urlPathMatching("/resources/.+/recovery-points/")))
                .get(0);
        assertThat(URLDecoder.decode(byResource.getUrl(), StandardCharsets.UTF_8))
                .contains("/resources/" + SHOP_DB + "/");
        assertThat(byResource.queryParameter("managedByAWSBackupOnly").firstValue())
                .isEqualTo("true");
    }

    @Test
    void accessDeniedToTheVaultsIsAnAccessDeniedFailureNotNotConfigured() {
        aws.server.stubFor(get(urlPathEqualTo("/backup-vaults/"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                        .withBody("{\"Message\":\"User: arn:aws:sts::123456789012:assumed-role/tierlens/tierlens is not"
                                + " authorized to perform: backup:ListBackupVaults\"}")));

        assertThatThrownBy(api::listBackupVaults)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED));
        // Denied is a blind spot of the target, never "AWS Backup not in use" (which silenced its RPO alerts).
        assertThatThrownBy(() -> new AwsBackupReader(BackupConfig.defaults(), api, new MutableClock(SINCE)).read())
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED));
    }
}
