package io.tierlens.backup.client;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tierlens.core.testing.AwsWireMock.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.core.testing.AwsWireMock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

/** RDS's backup calls over the wire: awsQuery requests of the real SDK and the XML it parses. */
class SdkRdsBackupApiProtocolTest {
    private static final String MARKER = "c2hvcC1kYi0xLWJlZm9yZS11cGdyYWRl";

    private final AwsWireMock aws = new AwsWireMock(2);
    private final SdkRdsBackupApi api = new SdkRdsBackupApi(aws.client(RdsClient.builder()));

    @AfterEach
    void stop() {
        api.close();
        aws.close();
    }

    private List<Map<String, String>> forms(String action) {
        return aws.server.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(AwsWireMock::form)
                .filter(f -> f.getOrDefault("Action", "").equals(action))
                .toList();
    }

    @Test
    void describeDbInstancesReadsRetentionRestorableTimeAndReplicationRegions() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBInstances"))
                .willReturn(xml("backup/describe-db-instances.xml")));

        List<DbBackupState> instances = api.describeDbInstances();

        assertThat(instances)
                .containsExactly(
                        new DbBackupState(
                                "shop-db-1",
                                "arn:aws:rds:eu-west-1:123456789012:db:shop-db-1",
                                "mysql",
                                "available",
                                7,
                                Optional.of(Instant.parse("2026-11-21T09:55:00Z")),
                                Optional.empty(),
                                Optional.empty(),
                                List.of("eu-central-1"),
                                Map.of("app", "shop")),
                        new DbBackupState(
                                "shop-db-2",
                                "arn:aws:rds:eu-west-1:123456789012:db:shop-db-2",
                                "mysql",
                                "available",
                                0,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("shop-db-1"),
                                List.of(),
                                Map.of()));
    }

    @Test
    void describeDbSnapshotsFollowsTheMarkerAndAsksAgainForAwsBackupSnapshots() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBSnapshots"))
                .willReturn(xml("backup/describe-db-snapshots-page1.xml")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=DescribeDBSnapshots"))
                .withRequestBody(containing("Marker=" + MARKER))
                .willReturn(xml("backup/describe-db-snapshots-page2.xml")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=DescribeDBSnapshots"))
                .withRequestBody(containing("SnapshotType=awsbackup"))
                .willReturn(xml("backup/describe-db-snapshots-awsbackup.xml")));

        List<DbSnapshot> snapshots = api.describeDbSnapshots();

        assertThat(snapshots)
                .containsExactly(
                        new DbSnapshot(
                                "shop-db-1",
                                "automated",
                                "available",
                                Optional.of(Instant.parse("2026-11-20T18:04:31.112Z")),
                                200),
                        new DbSnapshot(
                                "shop-db-1",
                                "manual",
                                "available",
                                Optional.of(Instant.parse("2026-11-11T02:00:00Z")),
                                180),
                        new DbSnapshot("shop-db-1", "automated", "creating", Optional.empty(), 200),
                        new DbSnapshot(
                                "shop-db-1",
                                "awsbackup",
                                "available",
                                Optional.of(Instant.parse("2026-11-20T19:00:12Z")),
                                200));
        List<Map<String, String>> requests = forms("DescribeDBSnapshots");
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0)).containsEntry("MaxRecords", "100").doesNotContainKeys("Marker", "SnapshotType");
        assertThat(requests.get(1)).containsEntry("Marker", MARKER).doesNotContainKey("SnapshotType");
        assertThat(requests.get(2)).containsEntry("SnapshotType", "awsbackup").doesNotContainKey("Marker");
    }

    @Test
    void automatedBackupsTellLocalFromReplicatedIn() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBInstanceAutomatedBackups"))
                .willReturn(xml("backup/describe-db-instance-automated-backups.xml")));

        List<AutomatedBackup> backups = api.describeDbInstanceAutomatedBackups();

        assertThat(backups)
                .containsExactly(
                        new AutomatedBackup(
                                "shop-db-1",
                                "eu-west-1",
                                "active",
                                Optional.of(Instant.parse("2026-11-21T09:55:00Z")),
                                List.of("eu-central-1")),
                        new AutomatedBackup(
                                "orders-db",
                                "us-east-1",
                                "replicating",
                                Optional.of(Instant.parse("2026-11-21T09:20:00Z")),
                                List.of()));
        assertThat(forms("DescribeDBInstanceAutomatedBackups"))
                .singleElement()
                .satisfies(f -> assertThat(f).containsEntry("MaxRecords", "100"));
    }
}
