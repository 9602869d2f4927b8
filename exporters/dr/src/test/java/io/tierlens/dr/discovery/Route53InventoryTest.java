package io.tierlens.dr.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.dr.DrConfig;
import io.tierlens.dr.RecordConfig;
import io.tierlens.dr.model.CheckerObservation;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.FailoverRole;
import io.tierlens.dr.model.FailureKind;
import io.tierlens.dr.model.HealthCheck;
import io.tierlens.dr.model.HealthCheckState;
import io.tierlens.dr.testing.FakeCloudWatch;
import io.tierlens.dr.testing.FakeRoute53;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class Route53InventoryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final AwsTarget ACCOUNT = AwsTarget.defaultCredentials("111122223333", "us-east-1");

    private final FakeRoute53 route53 = new FakeRoute53();
    private final FakeCloudWatch cloudWatch = new FakeCloudWatch();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private static DrConfig config(List<String> healthChecks) {
        return new DrConfig(true, null, null, healthChecks, null, null, null, null, null, null, null);
    }

    private Route53Inventory inventory(DrConfig config) {
        return new Route53Inventory("dr", cloudWatch.planner(clock), config);
    }

    private static List<CheckerObservation> checkers(int healthy, int failing, String failure) {
        List<CheckerObservation> out = new java.util.ArrayList<>();
        for (int i = 0; i < healthy; i++) {
            out.add(CheckerObservation.of("r" + i, "Success: HTTP Status Code 200, OK", NOW.minusSeconds(i)));
        }
        for (int i = 0; i < failing; i++) {
            out.add(CheckerObservation.of("f" + i, failure, NOW.minusSeconds(30 + i)));
        }
        return out;
    }

    @Test
    void cloudWatchGivesTheAggregateAndCheckersTheRatio() throws Exception {
        route53.checks.add(new HealthCheck("hc-1", "HTTPS", "shop.example.com/health"));
        route53.observations.put("hc-1", checkers(6, 2, "Failure: Connection timed out."));
        cloudWatch.healthCheckStatus.put("hc-1", 1.0);

        Route53Inventory.Result r = inventory(config(List.of())).read(ACCOUNT, route53, List.of());

        HealthCheckState s = r.checks().get(0);
        assertThat(s.healthy()).contains(true);
        assertThat(s.healthyRatio()).contains(0.75);
        assertThat(s.lastFailure()).contains(FailureKind.TIMEOUT);
        assertThat(s.accountId()).isEqualTo("111122223333");
        assertThat(r.failures()).isEmpty();
        assertThat(cloudWatch.regionsAsked).containsOnly("us-east-1");
    }

    @Test
    void withoutCloudWatchDataTheRoute53RuleDecides() throws Exception {
        route53.checks.add(new HealthCheck("mostly-down", "HTTP", "a"));
        route53.checks.add(new HealthCheck("all-down", "HTTP", "b"));
        route53.observations.put("mostly-down", checkers(2, 6, "Failure: HTTP Status Code 503, Service Unavailable"));
        route53.observations.put("all-down", checkers(1, 7, "Failure: HTTP Status Code 503, Service Unavailable"));

        List<HealthCheckState> s =
                inventory(config(List.of())).read(ACCOUNT, route53, List.of()).checks();

        // 2 of 8 = 25% > 18%: healthy; 1 of 8 = 12.5%: unhealthy
        assertThat(s.get(0).healthy()).contains(true);
        assertThat(s.get(1).healthy()).contains(false);
        assertThat(s.get(1).lastFailure()).contains(FailureKind.HTTP_STATUS);
    }

    @Test
    void calculatedChecksAreNotAskedForCheckerStatus() throws Exception {
        route53.checks.add(new HealthCheck("calc", "CALCULATED", "calculated"));
        cloudWatch.healthCheckStatus.put("calc", 0.0);

        HealthCheckState s = inventory(config(List.of()))
                .read(ACCOUNT, route53, List.of())
                .checks()
                .get(0);

        assertThat(route53.statusCalls).isZero();
        assertThat(s.healthy()).contains(false);
        assertThat(s.healthyRatio()).isEmpty();
    }

    @Test
    void onlyTheConfiguredHealthChecksAreReported() throws Exception {
        route53.checks.add(new HealthCheck("a", "HTTP", "a"));
        route53.checks.add(new HealthCheck("b", "HTTP", "b"));

        List<HealthCheckState> s = inventory(config(List.of("b")))
                .read(ACCOUNT, route53, List.of())
                .checks();

        assertThat(s).extracting(c -> c.check().id()).containsExactly("b");
    }

    @Test
    void failuresOfOnePartAreReportedAndTheRestIsKept() throws Exception {
        route53.checks.add(new HealthCheck("denied", "HTTP", "a"));
        route53.checks.add(new HealthCheck("denied-too", "HTTP", "c"));
        route53.checks.add(new HealthCheck("fine", "HTTP", "b"));
        route53.observations.put("fine", checkers(8, 0, ""));
        route53.statusFailures.put("denied", accessDenied());
        route53.statusFailures.put("denied-too", accessDenied());
        route53.recordFailures.put("ZBAD/shop.example.com/A", noSuchZone());
        route53.recordSets.put("ZGOOD/www.example.com/A", List.of(set("primary", FailoverRole.PRIMARY)));
        cloudWatch.failure = new IllegalStateException("CloudWatch is down");

        Route53Inventory.Result r = inventory(config(List.of()))
                .read(
                        ACCOUNT,
                        route53,
                        List.of(
                                new RecordConfig("shop.example.com", "ZBAD", null, null),
                                new RecordConfig("www.example.com", "ZGOOD", null, null)));

        // one partial failure per reason, however many health checks it hit
        assertThat(r.failures())
                .extracting(PartialFailure::reason)
                .containsExactlyInAnyOrder("access_denied", "remote_error", "internal");
        assertThat(r.failures())
                .filteredOn(f -> f.reason().equals("access_denied"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2 health check(s)"));
        assertThat(r.checks()).hasSize(3);
        assertThat(r.checks().get(2).healthy()).contains(true); // from the checkers, CloudWatch failed
        assertThat(r.records()).extracting(x -> x.record()).containsExactly("www.example.com");
    }

    @Test
    void aRecordWithoutFailoverSetsIsKeptEmpty() throws Exception {
        Route53Inventory.Result r = inventory(config(List.of()))
                .read(ACCOUNT, route53, List.of(new RecordConfig("plain.example.com", "ZGOOD", null, null)));

        assertThat(r.records())
                .singleElement()
                .satisfies(x -> assertThat(x.sets()).isEmpty());
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void listingHealthChecksMustWork() {
        route53.listFailure = accessDenied();

        assertThatThrownBy(() -> inventory(config(List.of())).read(ACCOUNT, route53, List.of()))
                .isSameAs(route53.listFailure);
    }

    static FailoverRecordSet set(String id, FailoverRole role) {
        return new FailoverRecordSet(
                "www.example.com", "A", id, role, Optional.empty(), List.of("10.0.0.1"), Optional.empty());
    }

    private static AwsServiceException accessDenied() {
        return AwsServiceException.builder()
                .statusCode(403)
                .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("AccessDenied").build())
                .message("User is not authorized to perform route53:GetHealthCheckStatus")
                .build();
    }

    private static AwsServiceException noSuchZone() {
        return AwsServiceException.builder()
                .statusCode(404)
                .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("NoSuchHostedZone").build())
                .message("No hosted zone found with ID: ZBAD")
                .build();
    }
}
