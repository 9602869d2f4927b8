package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.cost.model.DatabaseInstance;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PriceBook;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.SpotPrice;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.cost.testing.Fakes;
import io.tierlens.kubernetes.model.InstanceShape;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class PriceBookRefresherTest {
    private static final Instant TABLE_DATE = Instant.parse("2025-11-01T00:00:00Z");
    private static final StaticPrices TABLE =
            new StaticPrices(TABLE_DATE, Map.of("m6i.large", 0.096, "c6i.large", 0.085), Map.of("db.r6g.large", 0.225));

    private final MutableClock clock = MutableClock.at("2026-01-10T12:00:00Z");
    private final Fakes.Pricing pricing = new Fakes.Pricing();
    private final Fakes.Spot spot = new Fakes.Spot();
    private final PriceBookRefresher refresher =
            new PriceBookRefresher(pricing, spot, TABLE, "ap-northeast-2", clock, Duration.ofHours(1), 0.35);

    private static final InstanceShape OD = new InstanceShape("m6i.large", "on-demand", "ap-northeast-2a");
    private static final InstanceShape SPOT_A = new InstanceShape("c6i.large", "spot", "ap-northeast-2a");
    private static final InstanceShape SPOT_C = new InstanceShape("c6i.large", "spot", "ap-northeast-2c");

    @Test
    void listPricesComeFromThePricingApiForTheClustersRegion() {
        pricing.usdByType.put("m6i.large", "0.1180000000");

        assertThat(refresher.refresh(Set.of("m6i.large"), List.of())).isEmpty();

        assertThat(refresher.book().node(OD)).contains(new Price(0.118, PricingSource.ONDEMAND_LIST, clock.instant()));
        assertThat(pricing.calls.get(0))
                .containsEntry("regionCode", "ap-northeast-2")
                .containsEntry("operatingSystem", "Linux")
                .containsEntry("tenancy", "Shared")
                .containsEntry("capacitystatus", "Used");
    }

    @Test
    void theNewestSpotPriceOfEachZoneWins() {
        Instant now = clock.instant();
        spot.history.add(new SpotPrice("c6i.large", "ap-northeast-2a", 0.0400, now.minus(Duration.ofHours(5))));
        spot.history.add(new SpotPrice("c6i.large", "ap-northeast-2a", 0.0312, now.minus(Duration.ofMinutes(20))));
        spot.history.add(new SpotPrice("c6i.large", "ap-northeast-2b", 0.0350, now.minus(Duration.ofHours(2))));

        refresher.refresh(Set.of("c6i.large"), List.of());
        PriceBook book = refresher.book();

        assertThat(book.node(SPOT_A)).contains(new Price(0.0312, PricingSource.SPOT_HISTORY, now));
        // no history for zone c: the bundled on-demand price times the fallback ratio, never the full price
        assertThat(book.node(SPOT_C)).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(PricingSource.STATIC_FALLBACK);
            assertThat(p.usdPerHour()).isCloseTo(0.085 * 0.35, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(p.asOf()).isEqualTo(TABLE_DATE);
        });
    }

    @Test
    void whenTheApisFailTheBundledTableAnswersAndTheFailureIsReported() {
        pricing.failure = SdkClientException.create(
                "connect timed out", new UncheckedIOException(new java.io.IOException("connect timed out")));
        spot.failure = SdkClientException.create("unreachable");

        List<PartialFailure> failures = refresher.refresh(Set.of("m6i.large", "c6i.large"), List.of());

        assertThat(failures).extracting(PartialFailure::reason).containsOnly("unreachable");
        assertThat(failures).hasSize(2);
        assertThat(refresher.book().node(OD)).contains(new Price(0.096, PricingSource.STATIC_FALLBACK, TABLE_DATE));
    }

    @Test
    void aStalePriceIsKeptWithItsAgeWhileRefreshesFail() {
        pricing.usdByType.put("m6i.large", "0.1180000000");
        Instant fetched = clock.instant();
        refresher.refresh(Set.of("m6i.large"), List.of());

        pricing.failure = SdkClientException.create("unreachable");
        clock.advance(Duration.ofHours(3));
        assertThat(refresher.refresh(Set.of("m6i.large"), List.of())).hasSize(1);

        assertThat(refresher.book().node(OD)).contains(new Price(0.118, PricingSource.ONDEMAND_LIST, fetched));
    }

    @Test
    void pricesAreFetchedHourlyFailuresRetriedAfterFiveMinutesAndNewTypesAtOnce() {
        pricing.usdByType.put("m6i.large", "0.1180000000");
        refresher.refresh(Set.of("m6i.large"), List.of());
        clock.advance(Duration.ofMinutes(30));
        refresher.refresh(Set.of("m6i.large"), List.of());
        assertThat(pricing.calls).hasSize(1);

        refresher.refresh(Set.of("m6i.large", "c6i.large"), List.of());
        assertThat(pricing.calls).hasSize(2);

        clock.advance(Duration.ofMinutes(31));
        pricing.failure = SdkClientException.create("unreachable");
        refresher.refresh(Set.of("m6i.large", "c6i.large"), List.of());
        int afterFailure = pricing.calls.size();
        clock.advance(Duration.ofMinutes(2));
        refresher.refresh(Set.of("m6i.large", "c6i.large"), List.of());
        assertThat(pricing.calls).hasSize(afterFailure);
        clock.advance(PriceBookRefresher.RETRY);
        refresher.refresh(Set.of("m6i.large", "c6i.large"), List.of());
        assertThat(pricing.calls).hasSizeGreaterThan(afterFailure);
    }

    @Test
    void databasesArePricedByClassEngineAndDeployment() {
        pricing.usdByType.put("db.r6g.large", "0.5160000000");
        DatabaseInstance multiAz = new DatabaseInstance("app", "db.r6g.large", "mysql", true, 200, "db");
        DatabaseInstance oracle = new DatabaseInstance("erp", "db.r6g.large", "oracle-ee", false, 200, "db");

        refresher.refresh(Set.of(), List.of(multiAz, oracle));

        assertThat(pricing.calls)
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .containsEntry("databaseEngine", "MySQL")
                        .containsEntry("deploymentOption", "Multi-AZ"));
        assertThat(refresher.book().database(multiAz))
                .hasValueSatisfying(p -> assertThat(p.usdPerHour()).isEqualTo(0.516));
        // no Price List engine name known: the bundled single-AZ price
        assertThat(refresher.book().database(oracle))
                .contains(new Price(0.225, PricingSource.STATIC_FALLBACK, TABLE_DATE));
    }
}
