package io.tierlens.rds.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tierlens.core.testing.AwsWireMock.resource;
import static io.tierlens.core.testing.AwsWireMock.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.AwsWireMock;
import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.PendingMaintenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RDS over the wire: the Query requests {@link QueryRdsApi} sends and the RDS XML answers it maps. */
class QueryRdsApiProtocolTest {
    private static final String MARKER = "eyJ2IjoyLCJjIjoiZXUtd2VzdC0xL3Nob3AtZGItMSJ9";

    private final AwsWireMock aws = new AwsWireMock(2);
    private final QueryRdsApi api = new QueryRdsApi(aws.query(QueryService.RDS));

    @AfterEach
    void stop() {
        api.close();
        aws.close();
    }

    @Test
    void describeDbInstancesFollowsTheMarkerAndMapsEveryField() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBInstances"))
                .willReturn(xml("rds/describe-db-instances-page1.xml")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=DescribeDBInstances"))
                .withRequestBody(containing("Marker=" + MARKER))
                .willReturn(xml("rds/describe-db-instances-page2.xml")));

        List<DbInstance> instances = api.describeDbInstances();

        assertThat(instances)
                .extracting(DbInstance::identifier)
                .containsExactly("shop-db-1", "shop-db-2", "reports-aurora-1");
        assertThat(instances.get(0))
                .isEqualTo(new DbInstance(
                        "shop-db-1",
                        "arn:aws:rds:eu-west-1:123456789012:db:shop-db-1",
                        "mysql",
                        "8.0.39",
                        "db.r6g.large",
                        "available",
                        true,
                        "gp3",
                        200,
                        Optional.of(500),
                        Optional.empty(),
                        Optional.empty(),
                        List.of("shop-db-2"),
                        Optional.of("shop-mysql80"),
                        Optional.of(Instant.parse("2027-03-02T08:13:00Z")),
                        Map.of("app", "shop", "tier", "db"),
                        // <Iops> of the answer: the cost exporter bills io1/io2 provisioned IOPS
                        Optional.of(3000)));
        DbInstance replica = instances.get(1);
        assertThat(replica.replicaSource()).contains("shop-db-1");
        assertThat(replica.readReplicas()).isEmpty();
        assertThat(replica.maxAllocatedStorageGib()).isEmpty();
        assertThat(replica.certificateValidTill()).isEmpty();
        assertThat(replica.tags()).isEmpty();
        assertThat(instances.get(2).clusterIdentifier()).contains("reports");
        assertThat(instances.get(2).parameterGroup()).isEmpty();

        List<Map<String, String>> requests = aws.forms("DescribeDBInstances");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).containsEntry("MaxRecords", "100").doesNotContainKey("Marker");
        assertThat(requests.get(1)).containsEntry("Marker", MARKER).containsEntry("Version", "2014-10-31");
    }

    @Test
    void describeDbClustersReadsMembersAndKeepsAClusterWithoutInstances() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBClusters"))
                .willReturn(xml("rds/describe-db-clusters.xml")));

        List<DbCluster> clusters = api.describeDbClusters();

        assertThat(clusters)
                .containsExactly(
                        new DbCluster(
                                "reports",
                                "arn:aws:rds:eu-west-1:123456789012:cluster:reports",
                                "aurora-mysql",
                                "8.0.mysql_aurora.3.05.2",
                                "stopped",
                                List.of(new DbCluster.Member("reports-aurora-1", true)),
                                Map.of("app", "reports")),
                        new DbCluster(
                                "archive",
                                "arn:aws:rds:eu-west-1:123456789012:cluster:archive",
                                "aurora-postgresql",
                                "15.4",
                                "available",
                                List.of(),
                                Map.of()));
    }

    @Test
    void pendingMaintenanceTakesTheEarliestApplyDate() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribePendingMaintenanceActions"))
                .willReturn(xml("rds/describe-pending-maintenance-actions.xml")));

        List<PendingMaintenance> actions = api.describePendingMaintenanceActions();

        String arn = "arn:aws:rds:eu-west-1:123456789012:db:shop-db-1";
        assertThat(actions)
                .containsExactly(
                        new PendingMaintenance(
                                arn, "system-update", Optional.of(Instant.parse("2026-12-03T00:00:00Z"))),
                        new PendingMaintenance(arn, "ca-certificate-rotation", Optional.empty()));
    }

    @Test
    void userParametersAsksForUserSetValuesOfOneGroup() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBParameters"))
                .willReturn(xml("rds/describe-db-parameters.xml")));

        Map<String, String> params = api.userParameters("shop-mysql80");

        assertThat(params)
                .containsExactly(
                        Map.entry("max_connections", "{DBInstanceClassMemory/25165760}"),
                        Map.entry("slow_query_log", "1"));
        assertThat(aws.forms("DescribeDBParameters"))
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .containsEntry("DBParameterGroupName", "shop-mysql80")
                        .containsEntry("Source", "user"));
    }

    @Test
    void accessDeniedIsClassifiedAsSuch() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(resource("rds/access-denied.xml"))));

        assertThatThrownBy(api::describeDbInstances)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.ACCESS_DENIED));
        assertThat(aws.forms("DescribeDBInstances")).hasSize(1);
    }

    @Test
    void throttledDescribeDbClustersIsRetried() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error>"
                                + "<Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>"
                                + "</Error><RequestId>a1</RequestId></ErrorResponse>"))
                .willSetStateTo("retried"));
        aws.server.stubFor(post(urlEqualTo("/"))
                .inScenario("throttle")
                .whenScenarioStateIs("retried")
                .willReturn(xml("rds/describe-db-clusters.xml")));

        assertThat(api.describeDbClusters()).extracting(DbCluster::identifier).containsExactly("reports", "archive");
        assertThat(aws.forms("DescribeDBClusters")).hasSize(2);
    }

    @Test
    void userParametersFollowTheMarker() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeDBParameters"))
                .willReturn(aResponse()
                        .withBody("<DescribeDBParametersResponse><DescribeDBParametersResult><Parameters><Parameter>"
                                + "<ParameterName>innodb_lock_wait_timeout</ParameterName><ParameterValue>20"
                                + "</ParameterValue></Parameter></Parameters><Marker>bTI=</Marker>"
                                + "</DescribeDBParametersResult></DescribeDBParametersResponse>")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Marker=bTI%3D"))
                .willReturn(xml("rds/describe-db-parameters.xml")));

        assertThat(api.userParameters("shop-mysql80"))
                .containsOnlyKeys("innodb_lock_wait_timeout", "max_connections", "slow_query_log");
        assertThat(aws.forms("DescribeDBParameters")).hasSize(2);
    }

    @Test
    void aHostileAnswerIsAnInvalidResponse() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse()
                        .withBody("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                                + "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance>"
                                + "<DBInstanceIdentifier>&e;</DBInstanceIdentifier></DBInstance></DBInstances>"
                                + "</DescribeDBInstancesResult></DescribeDBInstancesResponse>")));

        assertThatThrownBy(api::describeDbInstances)
                .satisfies(e -> assertThat(FailureReason.of(e)).isEqualTo(FailureReason.INVALID_RESPONSE));
    }
}
