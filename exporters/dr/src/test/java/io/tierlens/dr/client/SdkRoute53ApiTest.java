package io.tierlens.dr.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tierlens.dr.model.CheckerObservation;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.FailoverRole;
import io.tierlens.dr.model.FailureKind;
import io.tierlens.dr.model.HealthCheck;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;

/** The SDK implementation against Route53's REST-XML responses served by WireMock: parsing and pagination. */
class SdkRoute53ApiTest {
    private static final String NS = "xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";

    private WireMockServer wiremock;
    private SdkRoute53Api api;

    @BeforeEach
    void start() {
        wiremock = new WireMockServer(options().dynamicPort());
        wiremock.start();
        api = new SdkRoute53Api(Route53Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(wiremock.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    @AfterEach
    void stop() {
        api.close();
        wiremock.stop();
    }

    private void xml(String path, String queryParam, String queryValue, String body) {
        var mapping = get(urlPathEqualTo(path));
        if (queryParam != null) {
            mapping = mapping.withQueryParam(queryParam, queryValue == null ? absent() : equalTo(queryValue));
        }
        wiremock.stubFor(mapping.willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody(body)));
    }

    @Test
    void listsHealthChecksAcrossPages() {
        xml(
                "/2013-04-01/healthcheck",
                "marker",
                null,
                "<ListHealthChecksResponse " + NS + "><HealthChecks>"
                        + "<HealthCheck><Id>hc-1</Id><CallerReference>a</CallerReference><HealthCheckConfig>"
                        + "<Port>443</Port><Type>HTTPS</Type><ResourcePath>/health</ResourcePath>"
                        + "<FullyQualifiedDomainName>shop.example.com</FullyQualifiedDomainName></HealthCheckConfig>"
                        + "<HealthCheckVersion>1</HealthCheckVersion></HealthCheck></HealthChecks>"
                        + "<IsTruncated>true</IsTruncated><NextMarker>page2</NextMarker><MaxItems>1</MaxItems><Marker></Marker>"
                        + "</ListHealthChecksResponse>");
        xml(
                "/2013-04-01/healthcheck",
                "marker",
                "page2",
                "<ListHealthChecksResponse " + NS + "><HealthChecks>"
                        + "<HealthCheck><Id>hc-2</Id><CallerReference>b</CallerReference><HealthCheckConfig>"
                        + "<IPAddress>203.0.113.10</IPAddress><Port>8443</Port><Type>HTTPS_STR_MATCH</Type>"
                        + "<ResourcePath>maintenance</ResourcePath><SearchString>Maintenance</SearchString>"
                        + "</HealthCheckConfig><HealthCheckVersion>1</HealthCheckVersion></HealthCheck>"
                        + "<HealthCheck><Id>hc-3</Id><CallerReference>c</CallerReference><HealthCheckConfig>"
                        + "<Type>CALCULATED</Type><ChildHealthChecks><ChildHealthCheck>hc-1</ChildHealthCheck>"
                        + "</ChildHealthChecks></HealthCheckConfig><HealthCheckVersion>1</HealthCheckVersion></HealthCheck>"
                        + "</HealthChecks><IsTruncated>false</IsTruncated><MaxItems>1</MaxItems><Marker>page2</Marker>"
                        + "</ListHealthChecksResponse>");

        List<HealthCheck> checks = api.listHealthChecks();

        assertThat(checks)
                .containsExactly(
                        new HealthCheck("hc-1", "HTTPS", "shop.example.com/health"),
                        new HealthCheck("hc-2", "HTTPS_STR_MATCH", "203.0.113.10:8443/maintenance"),
                        new HealthCheck("hc-3", "CALCULATED", "calculated"));
        assertThat(checks.get(2).hasCheckerObservations()).isFalse();
    }

    @Test
    void readsCheckerObservations() {
        xml(
                "/2013-04-01/healthcheck/hc-1/status",
                null,
                null,
                "<GetHealthCheckStatusResponse " + NS
                        + "><HealthCheckObservations>"
                        + "<HealthCheckObservation><Region>us-east-1</Region><IPAddress>15.177.2.3</IPAddress><StatusReport>"
                        + "<Status>Success: HTTP Status Code 200, OK</Status><CheckedTime>2026-11-22T10:00:00Z</CheckedTime>"
                        + "</StatusReport></HealthCheckObservation>"
                        + "<HealthCheckObservation><Region>eu-west-1</Region><IPAddress>15.177.62.3</IPAddress><StatusReport>"
                        + "<Status>Failure: Connection timed out. The endpoint or the internet connection is down.</Status>"
                        + "<CheckedTime>2026-11-22T10:00:05Z</CheckedTime></StatusReport></HealthCheckObservation>"
                        + "</HealthCheckObservations></GetHealthCheckStatusResponse>");

        List<CheckerObservation> o = api.getHealthCheckStatus("hc-1");

        assertThat(o)
                .containsExactly(
                        new CheckerObservation(
                                "us-east-1", true, Optional.empty(), Instant.parse("2026-11-22T10:00:00Z")),
                        new CheckerObservation(
                                "eu-west-1",
                                false,
                                Optional.of(FailureKind.TIMEOUT),
                                Instant.parse("2026-11-22T10:00:05Z")));
    }

    @Test
    void readsAFailoverPairAcrossPagesAndStopsAtTheNextName() {
        String path = "/2013-04-01/hostedzone/Z123/rrset";
        xml(
                path,
                "identifier",
                null,
                "<ListResourceRecordSetsResponse " + NS + "><ResourceRecordSets>"
                        + "<ResourceRecordSet><Name>shop.example.com.</Name><Type>A</Type><SetIdentifier>seoul</SetIdentifier>"
                        + "<Failover>PRIMARY</Failover><AliasTarget><HostedZoneId>ZWKZPGTI48KDX</HostedZoneId>"
                        + "<DNSName>dualstack.k8s-shop-1.ap-northeast-2.elb.amazonaws.com.</DNSName>"
                        + "<EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget><HealthCheckId>hc-1</HealthCheckId>"
                        + "</ResourceRecordSet></ResourceRecordSets><IsTruncated>true</IsTruncated>"
                        + "<NextRecordName>shop.example.com.</NextRecordName><NextRecordType>A</NextRecordType>"
                        + "<NextRecordIdentifier>dr-site</NextRecordIdentifier><MaxItems>1</MaxItems>"
                        + "</ListResourceRecordSetsResponse>");
        xml(
                path,
                "identifier",
                "dr-site",
                "<ListResourceRecordSetsResponse " + NS + "><ResourceRecordSets>"
                        + "<ResourceRecordSet><Name>shop.example.com.</Name><Type>A</Type><SetIdentifier>dr-site</SetIdentifier>"
                        + "<Failover>SECONDARY</Failover><TTL>60</TTL><ResourceRecords><ResourceRecord>"
                        + "<Value>203.0.113.10</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>"
                        + "<ResourceRecordSet><Name>www.example.com.</Name><Type>A</Type><TTL>300</TTL><ResourceRecords>"
                        + "<ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>"
                        + "</ResourceRecordSets><IsTruncated>true</IsTruncated><NextRecordName>x.example.com.</NextRecordName>"
                        + "<NextRecordType>A</NextRecordType><MaxItems>2</MaxItems></ListResourceRecordSetsResponse>");

        List<FailoverRecordSet> sets = api.listFailoverRecordSets("Z123", "Shop.Example.com.", "A");

        assertThat(sets)
                .containsExactly(
                        new FailoverRecordSet(
                                "shop.example.com",
                                "A",
                                "seoul",
                                FailoverRole.PRIMARY,
                                Optional.of("hc-1"),
                                List.of(),
                                Optional.of("dualstack.k8s-shop-1.ap-northeast-2.elb.amazonaws.com")),
                        new FailoverRecordSet(
                                "shop.example.com",
                                "A",
                                "dr-site",
                                FailoverRole.SECONDARY,
                                Optional.empty(),
                                List.of("203.0.113.10"),
                                Optional.empty()));
        wiremock.verify(
                1,
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(path))
                        .withQueryParam("name", equalTo("shop.example.com"))
                        .withQueryParam("type", equalTo("A"))
                        .withQueryParam("identifier", absent()));
    }

    @Test
    void aPlainRecordHasNoFailoverSets() {
        xml(
                "/2013-04-01/hostedzone/Z123/rrset",
                null,
                null,
                "<ListResourceRecordSetsResponse " + NS + ">"
                        + "<ResourceRecordSets><ResourceRecordSet><Name>shop.example.com.</Name><Type>A</Type><TTL>300</TTL>"
                        + "<ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords>"
                        + "</ResourceRecordSet></ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems>"
                        + "</ListResourceRecordSetsResponse>");

        assertThat(api.listFailoverRecordSets("Z123", "shop.example.com", "A")).isEmpty();
    }

    @Test
    void anUnknownZoneIsTheSdksError() {
        wiremock.stubFor(get(urlPathEqualTo("/2013-04-01/hostedzone/ZNOPE/rrset"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/xml")
                        .withBody("<ErrorResponse " + NS + "><Error><Type>Sender</Type><Code>NoSuchHostedZone</Code>"
                                + "<Message>No hosted zone found with ID: ZNOPE</Message></Error>"
                                + "<RequestId>r</RequestId></ErrorResponse>")));

        assertThatThrownBy(() -> api.listFailoverRecordSets("ZNOPE", "shop.example.com", "A"))
                .isInstanceOf(NoSuchHostedZoneException.class);
    }
}
