package io.tierlens.dr.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.dr.DrConfig;
import io.tierlens.dr.SiteConfig;
import io.tierlens.dr.client.DnsJavaResolver;
import io.tierlens.dr.model.ActiveSite;
import io.tierlens.dr.model.FailoverRecord;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.FailoverRole;
import io.tierlens.dr.testing.LocalDnsServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which site serves, decided from Route53's health state and our own DNS query to a local responder. */
class ActiveSiteDetectorTest {
    private static final String RECORD = "shop.example.com";

    private LocalDnsServer dns;
    private ActiveSiteDetector detector;

    private static final DrConfig CONFIG = new DrConfig(
            true,
            null,
            null,
            null,
            List.of(
                    new SiteConfig("aws", FailoverRole.PRIMARY, null, null, null, null, null),
                    new SiteConfig("dr", FailoverRole.SECONDARY, null, null, null, null, null)),
            null,
            null,
            null,
            null,
            null,
            null);

    @BeforeEach
    void start() throws Exception {
        dns = new LocalDnsServer();
        detector = new ActiveSiteDetector(new DnsJavaResolver(dns.address(), Duration.ofMillis(300), 1), CONFIG);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private static FailoverRecordSet primary(Optional<String> healthCheck) {
        return new FailoverRecordSet(
                RECORD,
                "A",
                "seoul",
                FailoverRole.PRIMARY,
                healthCheck,
                List.of("10.0.0.1", "10.0.0.2"),
                Optional.empty());
    }

    private static FailoverRecordSet secondary(Optional<String> healthCheck) {
        return new FailoverRecordSet(
                RECORD, "A", "dr-site", FailoverRole.SECONDARY, healthCheck, List.of("203.0.113.10"), Optional.empty());
    }

    private static FailoverRecord record(FailoverRecordSet... sets) {
        return new FailoverRecord(RECORD, "A", "111122223333", List.of(sets));
    }

    @Test
    void dnsAndHealthAgreeOnThePrimary() {
        dns.answer(RECORD, "10.0.0.2", "10.0.0.1");

        ActiveSite a = detector.detect(
                record(primary(Optional.of("hc-p")), secondary(Optional.of("hc-d"))),
                Map.of("hc-p", true, "hc-d", true));

        assertThat(a.site()).contains("aws");
        assertThat(a.sites()).containsExactly("aws", "dr");
        assertThat(a.dnsResolved()).isTrue();
        assertThat(a.confirmed()).isTrue();
    }

    @Test
    void afterAFailoverDnsPointsAtTheDrSite() {
        dns.answer(RECORD, "203.0.113.10");

        ActiveSite a = detector.detect(
                record(primary(Optional.of("hc-p")), secondary(Optional.of("hc-d"))),
                Map.of("hc-p", false, "hc-d", true));

        assertThat(a.site()).contains("dr");
        assertThat(a.confirmed()).isTrue();
    }

    @Test
    void whileResolversStillHoldTheOldAnswerDnsWinsButIsNotConfirmed() {
        dns.answer(RECORD, "10.0.0.1");

        ActiveSite a = detector.detect(
                record(primary(Optional.of("hc-p")), secondary(Optional.of("hc-d"))),
                Map.of("hc-p", false, "hc-d", true));

        assertThat(a.site()).contains("aws");
        assertThat(a.confirmed()).isFalse();
    }

    @Test
    void anUnresolvableRecordFallsBackToTheHealthState() {
        // the local server answers NXDOMAIN for names it does not know

        ActiveSite a = detector.detect(
                record(primary(Optional.of("hc-p")), secondary(Optional.of("hc-d"))),
                Map.of("hc-p", false, "hc-d", true));

        assertThat(a.site()).contains("dr");
        assertThat(a.dnsResolved()).isFalse();
        assertThat(a.confirmed()).isFalse();
    }

    @Test
    void aDnsServerThatDoesNotAnswerIsNotAFailure() {
        dns.silence(RECORD);

        ActiveSite a = detector.detect(record(primary(Optional.of("hc-p")), secondary(Optional.empty())), Map.of());

        assertThat(a.site()).contains("aws");
        assertThat(a.dnsResolved()).isFalse();
    }

    @Test
    void recordSetsWithoutHealthChecksCountAsHealthy() {
        ActiveSite a = detector.detect(record(primary(Optional.empty()), secondary(Optional.empty())), Map.of());

        assertThat(a.site()).contains("aws");
    }

    @Test
    void whenEverythingIsUnhealthyRoute53AnswersWithThePrimary() {
        ActiveSite a = detector.detect(
                record(primary(Optional.of("hc-p")), secondary(Optional.of("hc-d"))),
                Map.of("hc-p", false, "hc-d", false));

        assertThat(a.site()).contains("aws");
    }

    @Test
    void anAnswerNeitherSetHoldsLeavesTheHealthStateInCharge() {
        dns.answer(RECORD, "192.0.2.99");

        ActiveSite a = detector.detect(
                record(primary(Optional.of("hc-p")), secondary(Optional.of("hc-d"))), Map.of("hc-p", true));

        assertThat(a.site()).contains("aws");
        assertThat(a.dnsResolved()).isTrue();
        assertThat(a.confirmed()).isFalse();
    }

    @Test
    void aliasTargetsAreResolvedToMatchTheAnswer() {
        FailoverRecordSet alb = new FailoverRecordSet(
                RECORD,
                "A",
                "seoul",
                FailoverRole.PRIMARY,
                Optional.of("hc-p"),
                List.of(),
                Optional.of("dualstack.k8s-shop-123.ap-northeast-2.elb.amazonaws.com"));
        FailoverRecordSet drAlias = new FailoverRecordSet(
                RECORD,
                "A",
                "dr-site",
                FailoverRole.SECONDARY,
                Optional.empty(),
                List.of(),
                Optional.of("maintenance.dr.example.net"));
        dns.answer("dualstack.k8s-shop-123.ap-northeast-2.elb.amazonaws.com", "52.1.1.1", "52.1.1.2");
        dns.answer("maintenance.dr.example.net", "198.51.100.7");
        dns.answer(RECORD, "198.51.100.7");

        ActiveSite a = detector.detect(record(alb, drAlias), Map.of("hc-p", false));

        assertThat(a.site()).contains("dr");
        assertThat(a.confirmed()).isTrue();
    }

    @Test
    void aCnameRecordMatchesByItsTarget() {
        FailoverRecordSet p = new FailoverRecordSet(
                RECORD,
                "CNAME",
                "seoul",
                FailoverRole.PRIMARY,
                Optional.empty(),
                List.of("lb.seoul.example.com"),
                Optional.empty());
        FailoverRecordSet d = new FailoverRecordSet(
                RECORD,
                "CNAME",
                "dr-site",
                FailoverRole.SECONDARY,
                Optional.empty(),
                List.of("lb.dr.example.net"),
                Optional.empty());
        dns.alias(RECORD, "lb.dr.example.net").answer("lb.dr.example.net", "198.51.100.4");

        ActiveSite a = detector.detect(new FailoverRecord(RECORD, "CNAME", "111122223333", List.of(p, d)), Map.of());

        assertThat(a.site()).contains("dr");
    }

    @Test
    void aRecordWithoutFailoverSetsHasNoSite() {
        dns.answer(RECORD, "10.0.0.1");

        ActiveSite a = detector.detect(record(), Map.of());

        assertThat(a.site()).isEmpty();
        assertThat(a.sites()).isEmpty();
        assertThat(a.dnsResolved()).isTrue();
    }

    @Test
    void withoutConfiguredSitesTheSetIdentifierNamesTheSite() {
        DrConfig noSites = new DrConfig(true, null, null, null, null, null, null, null, null, null, null);
        ActiveSiteDetector d =
                new ActiveSiteDetector(new DnsJavaResolver(dns.address(), Duration.ofMillis(300), 1), noSites);
        dns.answer(RECORD, "203.0.113.10");

        ActiveSite a = d.detect(record(primary(Optional.empty()), secondary(Optional.empty())), Map.of());

        assertThat(a.site()).contains("dr-site");
        assertThat(a.sites()).containsExactly("seoul", "dr-site");
    }
}
