package io.tierlens.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.ExporterRunner;
import io.tierlens.core.exporter.ExporterSuite;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.metrics.SelfMetrics;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import io.tierlens.dr.client.DnsJavaResolver;
import io.tierlens.dr.client.PushgatewayEvidenceSource;
import io.tierlens.dr.client.RecoveryEvidenceSource;
import io.tierlens.dr.collector.FailoverCollector;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.FailoverRole;
import io.tierlens.dr.model.HealthCheck;
import io.tierlens.dr.model.ProbeResult;
import io.tierlens.dr.testing.FakeCloudWatch;
import io.tierlens.dr.testing.FakeRoute53;
import io.tierlens.pushgateway.client.HttpPushgatewayApi;
import io.tierlens.pushgateway.testing.PushgatewayProcess;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/**
 * Issue 12, DR rows of the blindness matrix (docs/failure-modes.md): one of two accounts denied on Route53, a failover
 * record that can no longer be read, a DNS resolver nobody answers on, and a stopped Pushgateway. Each is its own
 * target down with its reason; the working account stays up; the record stays served until max staleness.
 */
class DrBlindnessTest {
    private static final String OK_ACCOUNT = "111122223333";
    private static final String DENIED_ACCOUNT = "444455556666";
    private static final String RECORD = "shop.example.com";

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final SelfMetrics self = new SelfMetrics(registry);
    private final FakeRoute53 route53 = new FakeRoute53();
    private final FakeRoute53 denied = new FakeRoute53();
    private final FakeCloudWatch cloudWatch = new FakeCloudWatch();

    private static final DrConfig CONFIG = new DrConfig(
            true,
            null,
            null,
            null,
            List.of(
                    new SiteConfig("aws", FailoverRole.PRIMARY, null, null, null, null, null),
                    new SiteConfig(
                            "dr",
                            FailoverRole.SECONDARY,
                            Duration.ofHours(24),
                            Duration.ofHours(3),
                            "db-backup",
                            null,
                            "dr-drill")),
            List.of(new RecordConfig(RECORD, "Z123", null, OK_ACCOUNT)),
            List.of(),
            null,
            null,
            "http://pushgateway:9091",
            null);

    private static RuntimeException accessDenied() {
        return Route53Exception.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .errorMessage("not authorized")
                        .build())
                .build();
    }

    private double self(MetricSnapshots scraped, String name, String target) {
        return Scraped.value(scraped, name, "exporter", "dr", "target", target).orElseThrow();
    }

    @Test
    void eachBlindSourceIsItsOwnTargetDownAndTheRecordIsKept() throws Exception {
        route53.checks.add(new HealthCheck("hc-p", "HTTPS", "shop.example.com/health"));
        route53.recordSets.put(
                "Z123/" + RECORD + "/A",
                List.of(new FailoverRecordSet(
                        RECORD,
                        "A",
                        "seoul",
                        FailoverRole.PRIMARY,
                        Optional.of("hc-p"),
                        List.of("10.0.0.1"),
                        Optional.empty())));
        cloudWatch.healthCheckStatus.put("hc-p", 1.0);
        denied.listFailure = accessDenied();
        try (PushgatewayProcess pushgateway = PushgatewayProcess.start();
                DatagramSocket silentDns = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            RecoveryEvidenceSource evidence =
                    new PushgatewayEvidenceSource(new HttpPushgatewayApi(pushgateway.url(), Duration.ofSeconds(2)));
            String pushgatewayTarget =
                    pushgateway.url().getHost() + ":" + pushgateway.url().getPort();
            // A resolver that receives our queries and never answers: every query times out.
            DnsJavaResolver resolver = new DnsJavaResolver(
                    new InetSocketAddress("127.0.0.1", silentDns.getLocalPort()), Duration.ofMillis(200), 1);
            DrExporter.Clients clients = new DrExporter.Clients(
                    t -> t.accountId().equals(DENIED_ACCOUNT) ? denied : route53,
                    resolver,
                    p -> new ProbeResult(
                            p.name(), p.site(), true, Duration.ZERO, 200, Optional.empty(), Optional.empty()),
                    evidence);
            DrExporter exporter = new DrExporter(
                    CONFIG,
                    DrModule.accounts(List.of(
                            AwsTarget.defaultCredentials(OK_ACCOUNT, "eu-west-1"),
                            AwsTarget.defaultCredentials(DENIED_ACCOUNT, "eu-west-1"))),
                    clients,
                    cloudWatch.planner(clock),
                    clock);
            ExporterRunner runner = new ExporterRunner(exporter, self, clock, 50_000);
            ExporterSuite suite = new ExporterSuite(List.of(runner), clock);

            runner.refreshOnce();
            MetricSnapshots first = suite.collect();
            assertThat(self(first, "tierlens_target_up", OK_ACCOUNT + "/us-east-1"))
                    .isEqualTo(1);
            assertThat(self(first, "tierlens_target_up", DENIED_ACCOUNT + "/us-east-1"))
                    .isZero();
            assertThat(self(first, "tierlens_target_up", pushgatewayTarget)).isEqualTo(1);
            assertThat(self(first, "tierlens_target_up", "dns")).isZero();
            // dnsjava gives up on the silent server without a socket timeout of its own: unreachable.
            assertThat(runner.state().target("dns").orElseThrow().reasons()).containsExactly(FailureReason.UNREACHABLE);
            assertThat(Scraped.value(first, "tierlens_exporter_up", "exporter", "dr"))
                    .hasValue(0);
            assertThat(Scraped.counter(
                            registry,
                            "tierlens_refresh_errors_total",
                            "exporter",
                            "dr",
                            "target",
                            DENIED_ACCOUNT + "/us-east-1",
                            "reason",
                            FailureReason.ACCESS_DENIED))
                    .isEqualTo(1);

            // The record can no longer be read and the Pushgateway stops.
            route53.recordFailures.put("Z123/" + RECORD + "/A", accessDenied());
            pushgateway.close();
            clock.advance(Duration.ofMinutes(1));
            runner.refreshOnce();
            MetricSnapshots second = suite.collect();

            assertThat(self(second, "tierlens_target_up", OK_ACCOUNT + "/us-east-1"))
                    .isZero();
            assertThat(self(second, "tierlens_target_up", pushgatewayTarget)).isZero();
            assertThat(runner.state().target(pushgatewayTarget).orElseThrow().reasons())
                    .containsExactly(FailureReason.UNREACHABLE);
            // Before, tierlens_dr_active_site vanished while exporter_up stayed 1; now it stays until max_staleness.
            assertThat(Scraped.names(runner.servable())).contains(FailoverCollector.ACTIVE_SITE);
            assertThat(self(second, "tierlens_data_age_seconds", OK_ACCOUNT + "/us-east-1"))
                    .isEqualTo(60);
        }
    }
}
