package io.tierlens.backup.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tierlens.core.testing.AwsWireMock.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.AwsWireMock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RDS's backup calls over the wire: the Query requests of {@link QueryRdsBackupApi} and the RDS XML it maps. */
class QueryRdsBackupApiProtocolTest {
    private static final String MARKER = "c2hvcC1kYi0xLWJlZm9yZS11cGdyYWRl";

    private final AwsWireMock aws = new AwsWireMock(2);
    private final QueryRdsBackupApi api = new QueryRdsBackupApi(aws.query(QueryService.RDS));

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

    @Test
    void accessDeniedOnSnapshotsIsClassifiedAndNotRetried() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withBody("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error>"
                                + "<Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::123456789012"
                                + ":assumed-role/tierlens/x is not authorized to perform: rds:DescribeDBSnapshots"
                                + "</Message></Error><RequestId>4e2f</RequestId></ErrorResponse>")));

        assertThatThrownBy(api::describeDbSnapshots)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED));
        assertThat(forms("DescribeDBSnapshots")).hasSize(1);
    }

    @Test
    void aTruncatedAnswerIsAnInvalidResponse() {
        aws.server.stubFor(
                post(urlEqualTo("/"))
                        .willReturn(
                                aResponse()
                                        .withBody(
                                                "<DescribeDBInstanceAutomatedBackupsResponse><DescribeDBInstanceAutomatedBackupsResult>"
                                                        + "<DBInstanceAutomatedBackups><DBInstanceAutomatedBackup><DBInstanceIdentifier>shop")));

        assertThatThrownBy(api::describeDbInstanceAutomatedBackups)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.INVALID_RESPONSE));
    }
}
