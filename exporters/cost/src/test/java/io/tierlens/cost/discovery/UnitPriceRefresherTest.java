package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.UnitPrice;
import io.tierlens.cost.model.UnitPriceTable;
import io.tierlens.cost.testing.Fakes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.pricing.model.PricingException;

class UnitPriceRefresherTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final List<String> calls = new ArrayList<>();
    private RuntimeException failure;
    private final PricingApi seoul = (service, filters) -> {
        calls.add(service + " " + filters.getOrDefault("productFamily", "-"));
        if (failure != null) {
            throw failure;
        }
        return Fakes.seoulUnitPriceAnswer(service, filters);
    };

    private UnitPriceRefresher refresher(String region, Map<String, Double> configured) {
        return new UnitPriceRefresher(
                seoul, StaticUnitPriceTable.bundled(), region, clock, Duration.ofHours(1), configured);
    }

    @Test
    void everyComponentIsPricedFromItsGetProductsAnswerNotFromADecoy() {
        UnitPriceRefresher r = refresher("ap-northeast-2", Map.of());

        assertThat(r.refresh()).isEmpty();
        UnitPriceTable t = r.table();

        assertThat(t.usd(UnitPrice.ALB_HOUR)).isCloseTo(0.0225, within(1e-12));
        assertThat(t.usd(UnitPrice.ALB_LCU_HOUR)).isCloseTo(0.008, within(1e-12));
        assertThat(t.usd(UnitPrice.NAT_GATEWAY_HOUR)).isCloseTo(0.059, within(1e-12));
        assertThat(t.usd(UnitPrice.NAT_GATEWAY_GB)).isCloseTo(0.059, within(1e-12));
        assertThat(t.usd(UnitPrice.EBS_GB_MONTH)).isCloseTo(0.0912, within(1e-12));
        assertThat(t.usd(UnitPrice.EKS_CLUSTER_HOUR)).isCloseTo(0.10, within(1e-12));
        assertThat(t.usd(UnitPrice.EKS_EXTENDED_CLUSTER_HOUR)).isCloseTo(0.60, within(1e-12));
        assertThat(t.usd(UnitPrice.RDS_STORAGE_GB_MONTH)).isCloseTo(0.131, within(1e-12));
        assertThat(t.usd(UnitPrice.RDS_IOPS_MONTH)).isCloseTo(0.12, within(1e-12));
        assertThat(t.prices().values()).allSatisfy(p -> assertThat(p.source()).isEqualTo(PricingSource.ONDEMAND_LIST));
        assertThat(calls).hasSize(6);
    }

    @Test
    void pricesAreAskedAgainOnlyAfterTheInterval() {
        UnitPriceRefresher r = refresher("ap-northeast-2", Map.of());
        r.refresh();
        clock.advance(Duration.ofMinutes(59));
        r.refresh();
        assertThat(calls).hasSize(6);
        clock.advance(Duration.ofMinutes(1));
        r.refresh();
        assertThat(calls).hasSize(12);
    }

    @Test
    void aDeniedApiFallsBackToTheRegionsBundledPricesAndBacksOffAnHour() {
        failure = PricingException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage("no")
                        .build())
                .build();
        UnitPriceRefresher r = refresher("eu-west-1", Map.of());

        List<PartialFailure> failures = r.refresh();

        assertThat(failures).extracting(PartialFailure::reason).containsExactly("access_denied");
        UnitPriceTable t = r.table();
        assertThat(t.price(UnitPrice.NAT_GATEWAY_HOUR).source()).isEqualTo(PricingSource.STATIC_FALLBACK);
        assertThat(t.usd(UnitPrice.NAT_GATEWAY_HOUR)).isCloseTo(0.048, within(1e-12));
        clock.advance(Duration.ofMinutes(59));
        assertThat(r.refresh()).isEmpty();
        assertThat(calls).hasSize(1);
    }

    @Test
    void theLastGoodPriceOutlivesALaterFailure() {
        UnitPriceRefresher r = refresher("ap-northeast-2", Map.of());
        r.refresh();
        Instant fetched = clock.instant();
        failure = new IllegalStateException("network");
        clock.advance(Duration.ofHours(1));

        assertThat(r.refresh()).hasSize(1);
        assertThat(r.table().price(UnitPrice.ALB_LCU_HOUR).source()).isEqualTo(PricingSource.ONDEMAND_LIST);
        assertThat(r.table().price(UnitPrice.ALB_LCU_HOUR).asOf()).isEqualTo(fetched);
    }

    @Test
    void aRegionWithoutRowsGetsUsEast1PricesLabelledEstimated() {
        failure = new IllegalStateException("offline");
        UnitPriceRefresher r = refresher("sa-east-1", Map.of());
        r.refresh();
        assertThat(r.table().price(UnitPrice.ALB_HOUR).source()).isEqualTo(PricingSource.ESTIMATED);
        assertThat(r.table().usd(UnitPrice.ALB_HOUR)).isCloseTo(0.0225, within(1e-12));
    }

    @Test
    void configuredPricesWinAndSpareTheirCalls() {
        UnitPriceRefresher r = refresher("ap-northeast-2", Map.of("nat_gateway_hour", 0.05, "nat_gateway_gb", 0.04));
        r.refresh();
        assertThat(r.table().price(UnitPrice.NAT_GATEWAY_HOUR).source()).isEqualTo(PricingSource.CONFIGURED);
        assertThat(r.table().usd(UnitPrice.NAT_GATEWAY_GB)).isCloseTo(0.04, within(1e-12));
        assertThat(calls).doesNotContain("AmazonEC2 NAT Gateway").hasSize(5);
    }

    @Test
    void theBundledTableCoversTheRegionsEksUsersRunMost() {
        var table = StaticUnitPriceTable.bundled();
        for (String region : List.of(
                "ap-northeast-2",
                "eu-west-1",
                "us-east-1",
                "us-west-2",
                "eu-central-1",
                "ap-southeast-1",
                "ap-northeast-1")) {
            assertThat(table.forRegion(region).values())
                    .as(region)
                    .allSatisfy(p -> assertThat(p.source()).isEqualTo(PricingSource.STATIC_FALLBACK));
        }
    }

    @Test
    void extendedSupportFollowsTheCalendar() {
        var t = StaticUnitPriceTable.bundled();
        java.time.LocalDate day = java.time.LocalDate.parse("2026-12-05");
        assertThat(t.extendedSupport("1.28", day)).isTrue();
        assertThat(t.extendedSupport("v1.33.5-eks-1234", day)).isTrue();
        assertThat(t.extendedSupport("1.33", java.time.LocalDate.parse("2026-07-29")))
                .isFalse();
        assertThat(t.extendedSupport("1.21", day)).as("older than the calendar").isTrue();
        assertThat(t.extendedSupport("1.35", day)).as("newer than the calendar").isFalse();
        assertThat(t.extendedSupport("", day)).isFalse();
    }
}
