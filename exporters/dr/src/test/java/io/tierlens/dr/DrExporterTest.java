package io.tierlens.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.testing.Scraped;
import io.tierlens.dr.client.DnsResolver;
import io.tierlens.dr.client.RecoveryEvidence;
import io.tierlens.dr.client.RecoveryEvidenceSource;
import io.tierlens.dr.collector.FailoverCollector;
import io.tierlens.dr.collector.HealthCheckCollector;
import io.tierlens.dr.collector.ProbeCollector;
import io.tierlens.dr.collector.RecoveryCollector;
import io.tierlens.dr.model.CheckerObservation;
import io.tierlens.dr.model.DnsAnswer;
import io.tierlens.dr.model.DrillResult;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.FailoverRole;
import io.tierlens.dr.model.FailureKind;
import io.tierlens.dr.model.HealthCheck;
import io.tierlens.dr.model.ProbeResult;
import io.tierlens.dr.testing.FakeCloudWatch;
import io.tierlens.dr.testing.FakeRoute53;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A whole refresh over fakes: Route53, CloudWatch, DNS, probes and evidence. */
class DrExporterTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String ACCOUNT = "111122223333";
    private static final String RECORD = "shop.example.com";

    private final FakeRoute53 route53 = new FakeRoute53();
    private final FakeCloudWatch cloudWatch = new FakeCloudWatch();
    private final AtomicReference<List<String>> dnsAnswer = new AtomicReference<>(List.of("10.0.0.1"));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private RecoveryEvidenceSource evidence = RecoveryEvidenceSource.NONE;
    private DrExporter exporter;

    private final DnsResolver resolver = (name, type) -> name.equals(RECORD)
            ? new DnsAnswer(DnsAnswer.NOERROR, dnsAnswer.get(), List.of(), false)
            : new DnsAnswer(DnsAnswer.NXDOMAIN, List.of(), List.of(), false);

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
            List.of(new RecordConfig(RECORD, "Z123", null, null)),
            List.of(
                    new ProbeConfig("shop-primary", "aws", "https://shop.example.com/health", null, null, null, null),
                    new ProbeConfig("maintenance", "dr", "https://dr.example.net/", null, null, null, null)),
            null,
            null,
            "http://pushgateway:9091",
            null);

    @AfterEach
    void close() {
        if (exporter != null) {
            exporter.close();
        }
    }

    private DrExporter exporter() {
        route53.checks.add(new HealthCheck("hc-p", "HTTPS", "shop.example.com/health"));
        route53.checks.add(new HealthCheck("hc-d", "HTTPS", "dr.example.net/"));
        route53.observations.put(
                "hc-p", List.of(CheckerObservation.of("us-east-1", "Success: HTTP Status Code 200, OK", NOW)));
        route53.recordSets.put(
                "Z123/" + RECORD + "/A",
                List.of(
                        new FailoverRecordSet(
                                RECORD,
                                "A",
                                "seoul",
                                FailoverRole.PRIMARY,
                                Optional.of("hc-p"),
                                List.of("10.0.0.1"),
                                Optional.empty()),
                        new FailoverRecordSet(
                                RECORD,
                                "A",
                                "dr-site",
                                FailoverRole.SECONDARY,
                                Optional.empty(),
                                List.of("203.0.113.10"),
                                Optional.empty())));
        cloudWatch.healthCheckStatus.put("hc-p", 1.0);
        DrExporter.Clients clients = new DrExporter.Clients(
                t -> {
                    assertThat(t.region()).isEqualTo("us-east-1");
                    return route53;
                },
                resolver,
                p -> new ProbeResult(
                        p.name(),
                        p.site(),
                        !p.name().equals("maintenance"),
                        Duration.ofMillis(120),
                        p.name().equals("maintenance") ? 0 : 200,
                        Optional.of(NOW.plus(Duration.ofDays(40))),
                        p.name().equals("maintenance") ? Optional.of(FailureKind.TIMEOUT) : Optional.empty()),
                () -> evidence.read());
        exporter = new DrExporter(
                CONFIG,
                DrModule.accounts(List.of(
                        AwsTarget.defaultCredentials(ACCOUNT, "ap-northeast-2"),
                        AwsTarget.defaultCredentials(ACCOUNT, "eu-west-1"))),
                clients,
                cloudWatch.planner(clock),
                clock);
        return exporter;
    }

    private static double value(MetricSnapshots m, String name, String... labels) {
        Map<String, String> wanted = new java.util.HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return Scraped.value(m, name, wanted).orElseThrow(() -> new AssertionError("no " + name + wanted));
    }

    @Test
    void aRefreshReportsEveryPart() throws Exception {
        evidence = () -> new RecoveryEvidence() {
            @Override
            public Optional<Instant> newestCopy(SiteConfig site) {
                return site.copyJob().isEmpty() ? Optional.empty() : Optional.of(NOW.minus(Duration.ofHours(20)));
            }

            @Override
            public Optional<DrillResult> lastDrill(SiteConfig site) {
                return Optional.of(new DrillResult(NOW.minus(Duration.ofDays(7)), Optional.of(Duration.ofMinutes(95))));
            }
        };
        RefreshResult r = exporter().refresh();
        MetricSnapshots m = r.data();

        assertThat(r.partialFailures()).isEmpty();
        assertThat(value(
                        m,
                        HealthCheckCollector.HEALTHY,
                        "health_check",
                        "hc-p",
                        "account_id",
                        ACCOUNT,
                        "region",
                        "us-east-1"))
                .isEqualTo(1);
        assertThat(value(
                        m,
                        FailoverCollector.RECORD_INFO,
                        "set_identifier",
                        "dr-site",
                        "role",
                        "secondary",
                        "health_check",
                        ""))
                .isEqualTo(1);
        assertThat(value(m, FailoverCollector.ACTIVE_SITE, "record", RECORD, "site", "aws"))
                .isEqualTo(1);
        assertThat(value(m, FailoverCollector.ACTIVE_SITE, "record", RECORD, "site", "dr"))
                .isZero();
        assertThat(value(m, FailoverCollector.FAILOVERS, "record", RECORD)).isZero();
        assertThat(value(m, ProbeCollector.SUCCESS, "target", "maintenance", "site", "dr"))
                .isZero();
        assertThat(value(m, ProbeCollector.FAILURE, "target", "maintenance", "reason", "timeout"))
                .isEqualTo(1);
        assertThat(value(m, ProbeCollector.TLS_EXPIRY, "target", "shop-primary"))
                .isEqualTo(NOW.plus(Duration.ofDays(40)).getEpochSecond());
        assertThat(value(m, RecoveryCollector.RPO, "site", "dr")).isEqualTo(20 * 3600);
        assertThat(value(m, RecoveryCollector.RPO_TARGET, "site", "dr")).isEqualTo(24 * 3600);
        assertThat(value(m, RecoveryCollector.RTO_TARGET, "site", "dr")).isEqualTo(3 * 3600);
        assertThat(value(m, RecoveryCollector.LAST_DRILL_RTO, "site", "dr")).isEqualTo(95 * 60);
        assertThat(Scraped.value(m, RecoveryCollector.RPO, Map.of("site", "aws")))
                .isEmpty();
        // one account watched in two regions: Route53 is read once, in us-east-1
        assertThat(cloudWatch.regionsAsked).containsExactly("us-east-1");
    }

    @Test
    void theFailoverCounterCountsChangesOfTheServingSite() throws Exception {
        DrExporter e = exporter();
        e.refresh();

        dnsAnswer.set(List.of("203.0.113.10"));
        MetricSnapshots failedOver = e.refresh().data();
        assertThat(value(failedOver, FailoverCollector.ACTIVE_SITE, "site", "dr"))
                .isEqualTo(1);
        assertThat(value(failedOver, FailoverCollector.FAILOVERS, "record", RECORD))
                .isEqualTo(1);

        MetricSnapshots same = e.refresh().data();
        assertThat(value(same, FailoverCollector.FAILOVERS, "record", RECORD)).isEqualTo(1);

        dnsAnswer.set(List.of("10.0.0.1"));
        assertThat(value(e.refresh().data(), FailoverCollector.FAILOVERS, "record", RECORD))
                .isEqualTo(2);
    }

    @Test
    void anUnreachablePushgatewayIsAPartialFailure() throws Exception {
        evidence = () -> {
            throw new java.net.ConnectException("Connection refused");
        };

        RefreshResult r = exporter().refresh();

        assertThat(r.partialFailures())
                .extracting(RefreshResult.PartialFailure::reason)
                .containsExactly("unreachable");
        assertThat(Scraped.value(r.data(), RecoveryCollector.RPO, Map.of())).isEmpty();
        assertThat(value(r.data(), RecoveryCollector.RPO_TARGET, "site", "dr")).isEqualTo(24 * 3600);
        assertThat(value(r.data(), FailoverCollector.ACTIVE_SITE, "site", "aws"))
                .isEqualTo(1);
    }

    @Test
    void route53ThatCannotBeListedIsThatAccountDownNotTheWholeRefresh() throws Exception {
        DrExporter e = exporter();
        route53.listFailure = new IllegalStateException("boom");

        RefreshResult r = e.refresh();

        // Each account is a target of its own: one that cannot be listed no longer fails the others (or the probes).
        assertThat(r.targets())
                .filteredOn(t -> t.target().equals(ACCOUNT + "/us-east-1"))
                .singleElement()
                .satisfies(t -> assertThat(t.reasons()).containsExactly("internal"));
        assertThat(r.partialFailures()).anySatisfy(p -> assertThat(p.message()).contains("Route53 could not be read"));
    }

    @Test
    void aProbeThatNeverReturnsIsATimeoutNotAStuckRefresh() throws Exception {
        DrConfig config = new DrConfig(
                true,
                null,
                null,
                null,
                null,
                null,
                List.of(new ProbeConfig("stuck", "dr", "http://x.example/", Duration.ofMillis(100), null, null, null)),
                null,
                null,
                null,
                null);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        DrExporter.Clients clients = new DrExporter.Clients(
                t -> route53,
                resolver,
                p -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("interrupted");
                },
                RecoveryEvidenceSource.NONE);
        exporter = new DrExporter(config, List.of(), clients, cloudWatch.planner(clock), clock);

        MetricSnapshots m = exporter.refresh().data();

        assertThat(value(m, ProbeCollector.SUCCESS, "target", "stuck")).isZero();
        assertThat(value(m, ProbeCollector.FAILURE, "target", "stuck", "reason", "timeout"))
                .isEqualTo(1);
    }

    @Test
    void rpoOfACopyFromTheFutureIsZero() throws Exception {
        evidence = () -> new RecoveryEvidence() {
            @Override
            public Optional<Instant> newestCopy(SiteConfig site) {
                return Optional.of(NOW.plusSeconds(30)); // clock skew between the job's host and ours
            }

            @Override
            public Optional<DrillResult> lastDrill(SiteConfig site) {
                return Optional.empty();
            }
        };

        assertThat(value(exporter().refresh().data(), RecoveryCollector.RPO, "site", "dr"))
                .isZero();
    }
}
