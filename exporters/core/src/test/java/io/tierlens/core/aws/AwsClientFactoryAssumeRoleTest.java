package io.tierlens.core.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tierlens.core.config.AwsConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * A target in another account: the factory assumes its role with the default credentials (through STS at the
 * same endpoint override) and signs the target's calls with the role's temporary credentials.
 */
class AwsClientFactoryAssumeRoleTest {
    private static final String ROLE = "arn:aws:iam::210987654321:role/tierlens-reader";

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private AwsClientFactory factory;

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.close();
        }
        aws.stop();
    }

    @Test
    void assumesTheRoleWithDefaultCredentialsAndSignsWithTheRoleCredentials() {
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        aws.start();
        aws.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=AssumeRole"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                                + "<AssumeRoleResult><AssumedRoleUser>"
                                + "<Arn>arn:aws:sts::210987654321:assumed-role/tierlens-reader/tierlens</Arn>"
                                + "<AssumedRoleId>AROA3XFRBF535PLBIFPI4:tierlens</AssumedRoleId></AssumedRoleUser>"
                                + "<Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>"
                                + "<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>"
                                + "<SessionToken>FwoGZXIvYXdzEXAMPLETOKEN</SessionToken>"
                                + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                                + "</AssumeRoleResult><ResponseMetadata><RequestId>r1</RequestId>"
                                + "</ResponseMetadata></AssumeRoleResponse>")));
        aws.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ListDashboards"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("<ListDashboardsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                                + "<ListDashboardsResult><DashboardEntries/></ListDashboardsResult>"
                                + "<ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata>"
                                + "</ListDashboardsResponse>")));
        factory = new AwsClientFactory(
                new AwsConfig(
                        aws.baseUrl(), null, Duration.ofSeconds(10), Duration.ofSeconds(5), 1, 100.0, Map.of(), true),
                ApiCallRecorder.NOOP);
        AwsTarget target =
                new AwsTarget("210987654321", "shop-prod", "eu-west-1", Optional.of(ROLE), Optional.of("ext-42"));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (CloudWatchClient cw = factory.build(CloudWatchClient.builder(), target)) {
                cw.listDashboards();
            }
        });

        List<LoggedRequest> assume =
                aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole")));
        assertThat(assume).singleElement().satisfies(r -> {
            assertThat(r.getBodyAsString())
                    .contains("RoleArn=arn%3Aaws%3Aiam%3A%3A210987654321%3Arole%2Ftierlens-reader")
                    .contains("ExternalId=ext-42")
                    .contains("RoleSessionName=tierlens");
            assertThat(r.getHeader("Authorization")).contains("Credential=AKIAIOSFODNN7EXAMPLE/");
        });
        List<LoggedRequest> calls =
                aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ListDashboards")));
        assertThat(calls).singleElement().satisfies(r -> {
            assertThat(r.getHeader("Authorization")).contains("Credential=ASIAIOSFODNN7EXAMPLE/");
            assertThat(r.getHeader("X-Amz-Security-Token")).isEqualTo("FwoGZXIvYXdzEXAMPLETOKEN");
        });
    }
}
