package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PriceBook;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.kubernetes.model.Disruption;
import io.tierlens.kubernetes.model.InstanceShape;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsolidationSavingsTest {
    private static final Instant T = Instant.parse("2026-01-10T12:00:00Z");
    private static final InstanceShape BIG = new InstanceShape("m6i.2xlarge", "on-demand", "ap-northeast-2a");
    private static final InstanceShape SMALL = new InstanceShape("m6i.large", "on-demand", "ap-northeast-2a");
    private static final InstanceShape UNKNOWN = new InstanceShape("x9.huge", "on-demand", "ap-northeast-2a");
    private static final PriceBook PRICES = new PriceBook(
            Map.of(
                    "m6i.2xlarge", new Price(0.472, PricingSource.ONDEMAND_LIST, T),
                    "m6i.large", new Price(0.118, PricingSource.ONDEMAND_LIST, T)),
            Map.of(),
            Map.of(),
            new StaticPrices(T, Map.of(), Map.of()),
            0.35);

    private static Disruption d(long seq, String reason, InstanceShape removed, List<InstanceShape> replacements) {
        return new Disruption(seq, "was", reason, removed, replacements, T);
    }

    @Test
    void removedPriceMinusReplacementPriceForConsolidationsOnly() {
        ConsolidationSavings s = new ConsolidationSavings();
        s.observe(
                List.of(
                        d(1, "underutilized", BIG, List.of(SMALL)), // 0.472 - 0.118 = 0.354
                        d(2, "empty", SMALL, List.of()), // 0.118
                        d(3, "drifted", BIG, List.of()), // not a consolidation
                        d(4, "other", BIG, List.of())),
                PRICES);

        assertThat(s.totals().get("was")).isCloseTo(0.472, within(1e-12));
    }

    @Test
    void eachDisruptionCountsOnceAndAMoreExpensiveReplacementSavesNothing() {
        ConsolidationSavings s = new ConsolidationSavings();
        List<Disruption> first = List.of(d(1, "empty", SMALL, List.of()));
        s.observe(first, PRICES);
        s.observe(first, PRICES);
        s.observe(List.of(d(1, "empty", SMALL, List.of()), d(2, "underutilized", SMALL, List.of(BIG))), PRICES);

        assertThat(s.totals().get("was")).isCloseTo(0.118, within(1e-12));
    }

    @Test
    void unknownPricesAreNotGuessed() {
        ConsolidationSavings s = new ConsolidationSavings();
        s.observe(List.of(d(1, "empty", UNKNOWN, List.of()), d(2, "underutilized", BIG, List.of(UNKNOWN))), PRICES);
        assertThat(s.totals()).isEmpty();
    }
}
