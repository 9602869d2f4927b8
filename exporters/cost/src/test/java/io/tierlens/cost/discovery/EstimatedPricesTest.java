package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PriceBook;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.kubernetes.model.InstanceShape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Karpenter's default NodePool launches any c, m or r type of generation 5 and later; the bundled table had 49
 * rows, so a c6a.4xlarge node had no cost at all and its tier's node cost silently shrank (issue 12).
 */
class EstimatedPricesTest {
    private final StaticPrices table = StaticPriceTable.bundled();
    private final PriceBook empty = new PriceBook(Map.of(), Map.of(), Map.of(), table, 0.35);

    private Optional<Price> onDemand(String type) {
        return empty.node(new InstanceShape(type, "on-demand", "eu-west-1a"));
    }

    @Test
    void commonKarpenterTypesWithoutARowArePricedFromFamilyAndSize() {
        assertThat(onDemand("c6a.4xlarge")).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(PricingSource.ESTIMATED);
            assertThat(p.usdPerHour()).isCloseTo(0.612, within(1e-9));
            assertThat(p.asOf()).isEqualTo(table.asOf());
        });
        assertThat(onDemand("r6i.2xlarge")).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(PricingSource.ESTIMATED);
            assertThat(p.usdPerHour()).isCloseTo(0.504, within(1e-9));
        });
        // metal is the family's largest size: 16xlarge for Graviton
        assertThat(onDemand("m7g.metal")).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(PricingSource.ESTIMATED);
            assertThat(p.usdPerHour()).isCloseTo(0.0816 * 32, within(1e-9));
        });
    }

    @Test
    void anExactRowStaysAStaticFallbackPrice() {
        assertThat(onDemand("m6i.large")).contains(new Price(0.096, PricingSource.STATIC_FALLBACK, table.asOf()));
    }

    @Test
    void aSpotNodeOfAnEstimatedTypeGetsTheFallbackRatio() {
        assertThat(empty.node(new InstanceShape("c6a.4xlarge", "spot", "eu-west-1a")))
                .hasValueSatisfying(p -> {
                    assertThat(p.source()).isEqualTo(PricingSource.ESTIMATED);
                    assertThat(p.usdPerHour()).isCloseTo(0.612 * 0.35, within(1e-9));
                });
    }

    @Test
    void everyDefaultKarpenterFamilyAndSizeHasAPrice() {
        List<String> sizes = List.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge");
        for (String cls : List.of("c", "m", "r")) {
            for (int gen = 5; gen <= 7; gen++) {
                for (String variant : List.of("", "a", "d", "g", "i", "gd", "id")) {
                    String family = cls + gen + variant;
                    if (!StaticPriceTable.bundled().families().containsKey(family)) {
                        // not every combination exists (there is no c5g, m7d or r5i); the table says which do
                        continue;
                    }
                    for (String size : sizes) {
                        assertThat(onDemand(family + "." + size))
                                .as(family + "." + size)
                                .isPresent();
                    }
                }
            }
        }
        for (String family : List.of(
                "c5", "c5a", "c6a", "c6i", "c6g", "c7i", "c7g", "c7a", "m5", "m5a", "m6a", "m6i", "m6g", "m7i", "m7g",
                "m7a", "r5", "r5a", "r6a", "r6i", "r6g", "r7i", "r7g", "r7a")) {
            assertThat(StaticPriceTable.bundled().families()).as(family).containsKey(family);
        }
    }

    @Test
    void unknownFamiliesAndSizesStayUnpriced() {
        assertThat(onDemand("x2iedn.large")).isEmpty();
        assertThat(onDemand("c6a.huge")).isEmpty();
        assertThat(onDemand("nonsense")).isEmpty();
    }
}
