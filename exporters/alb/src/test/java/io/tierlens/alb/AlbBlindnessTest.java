package io.tierlens.alb;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.alb.client.AlbApi;
import io.tierlens.alb.testing.FakeAlbApi;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.exporter.ExporterSuite;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.Snapshots;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Issue 12, AWS rows of the blindness matrix (docs/failure-modes.md): two accounts, AssumeRole denied for one.
 * Before, {@code tierlens_exporter_up} stayed 1 and no metric said which account failed.
 */
class AlbBlindnessTest {
    private static final AwsTarget DENIED = AwsTarget.defaultCredentials("210987654321", "eu-west-1");

    private final TestEnvironment env = new TestEnvironment();
    private final TestEnvironment.Fakes<FakeAlbApi> albs = FakeAlbApi.in(env);

    /** What the STS credential provider throws when the role's trust policy does not let us in. */
    private static RuntimeException assumeRoleDenied() {
        return AwsServiceException.builder()
                .statusCode(403)
                .message("User: arn:aws:sts::123456789012:assumed-role/tierlens is not authorized to perform:"
                        + " sts:AssumeRole on resource: arn:aws:iam::210987654321:role/tierlens")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .serviceName("Sts")
                        .build())
                .build();
    }

    private double self(MetricSnapshots scraped, String name, AwsTarget target) {
        return Scraped.value(scraped, name, "exporter", "alb", "target", target.key())
                .orElseThrow();
    }

    @Test
    void assumeRoleDeniedForOneOfTwoAccountsIsThatTargetDownWithAccessDenied() {
        albs.get().addLoadBalancer("k8s-shop-web-3f9a1c2b7d", Map.of());
        Function<AwsTarget, AlbApi> apis = t -> {
            if (t.equals(DENIED)) {
                throw assumeRoleDenied();
            }
            return albs.apply(t);
        };
        AlbExporter exporter = new AlbExporter(
                new AlbConfig(null, null, null, null, null, null, null, null, null),
                env.environment(List.of(TestEnvironment.TARGET, DENIED)),
                apis);
        ExporterRunner runner = new ExporterRunner(exporter, env.self, env.clock, 50_000);
        ExporterSuite suite = new ExporterSuite(List.of(runner), env.clock);

        runner.refreshOnce();
        env.clock.advance(Duration.ofMinutes(1));
        runner.refreshOnce();
        env.clock.advance(Duration.ofMinutes(1));
        MetricSnapshots scraped = suite.collect();

        assertThat(self(scraped, "tierlens_target_up", TestEnvironment.TARGET)).isEqualTo(1);
        assertThat(self(scraped, "tierlens_target_up", DENIED)).isZero();
        assertThat(Scraped.value(scraped, "tierlens_exporter_up", "exporter", "alb"))
                .hasValue(0);
        assertThat(Scraped.counter(
                        env.registry,
                        "tierlens_refresh_errors_total",
                        "exporter",
                        "alb",
                        "target",
                        DENIED.key(),
                        "reason",
                        FailureReason.ACCESS_DENIED))
                .isGreaterThanOrEqualTo(2);
        assertThat(Scraped.counter(
                        env.registry,
                        "tierlens_refresh_errors_total",
                        "exporter",
                        "alb",
                        "target",
                        TestEnvironment.TARGET.key(),
                        "reason",
                        FailureReason.ACCESS_DENIED))
                .isZero();
        // The denied account never delivered data: its age counts from the start, two minutes now.
        assertThat(self(scraped, "tierlens_data_age_seconds", DENIED)).isEqualTo(120);
        // The working account's data is served.
        assertThat(Snapshots.labels(runner.servable(), "tierlens_alb_info"))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("account_id", TestEnvironment.ACCOUNT));
    }
}
