package io.tierlens.cost.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.TextExposition;
import io.tierlens.cost.DiscountConfig;
import io.tierlens.cost.model.CostBreakdown;
import io.tierlens.cost.model.CostExplorerReport;
import io.tierlens.cost.model.NodeCost;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.ServiceCost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostCollectorTest {
    private static final Instant NOW = CostCalculatorTest.T.plus(Duration.ofMinutes(10));

    private static MetricSnapshots collect(DiscountConfig discounts, Optional<CostExplorerReport> ce) {
        CostBreakdown b = CostCalculatorTest.compute(discounts);
        List<Price> inUse =
                new ArrayList<>(b.nodes().stream().map(NodeCost::price).toList());
        inUse.add(new Price(0.096, PricingSource.STATIC_FALLBACK, Instant.parse("2025-11-01T00:00:00Z")));
        return CostCollector.collect(
                b,
                CostCalculatorTest.US_EAST_1,
                discounts.pricingModel(),
                inUse,
                Map.of("total", 5000.0, "web", 800.0),
                ce,
                Map.of("was", 0.354),
                NOW);
    }

    @Test
    void nodeSeriesCarryTheirPricingSource() {
        MetricSnapshots m = collect(new DiscountConfig(null, null), Optional.empty());

        assertThat(Scraped.value(
                        m,
                        "tierlens_cost_node_hourly_usd",
                        "node",
                        "n1",
                        "nodepool",
                        "web",
                        "capacity_type",
                        "spot",
                        "instance_type",
                        "c6i.large",
                        "zone",
                        "ap-northeast-2a",
                        "pricing_source",
                        "spot_history"))
                .hasValue(0.0312);
        assertThat(Scraped.value(
                        m, "tierlens_cost_nodepool_hourly_usd", "nodepool", "default", "capacity_type", "on-demand"))
                .hasValue(0.118);
        assertThat(Scraped.value(
                        m, "tierlens_cost_nodepool_idle_hourly_usd", "nodepool", "web", "capacity_type", "spot"))
                .hasValue(0.0156);
        assertThat(Scraped.value(m, "tierlens_cost_unpriced_nodes", "nodepool", "default"))
                .hasValue(1.0);
    }

    @Test
    void priceAgesBudgetsAndSavings() {
        MetricSnapshots m = collect(new DiscountConfig(null, null), Optional.empty());

        assertThat(Scraped.value(m, "tierlens_cost_price_age_seconds", "source", "ondemand_list"))
                .hasValue(600.0);
        assertThat(Scraped.value(m, "tierlens_cost_price_age_seconds", "source", "static_fallback"))
                .hasValueCloseTo(
                        (double) Duration.between(Instant.parse("2025-11-01T00:00:00Z"), NOW)
                                .toSeconds(),
                        within(1e-6));
        assertThat(Scraped.value(m, "tierlens_cost_budget_monthly_usd", "scope", "web"))
                .hasValue(800.0);
        assertThat(Scraped.value(m, "tierlens_cost_consolidation_savings_usd_total", "nodepool", "was"))
                .hasValue(0.354);
        assertThat(Scraped.value(m, "tierlens_cost_hourly_usd", "component", "nat_gateway", "tier", "shared"))
                .hasValueCloseTo(0.09, within(1e-12));
    }

    @Test
    void discountedCostsAreASeparateFamilyWithThePricingModel() {
        MetricSnapshots plain = collect(new DiscountConfig(null, null), Optional.empty());
        assertThat(Scraped.names(plain)).doesNotContain("tierlens_cost_discounted_hourly_usd");

        MetricSnapshots m = collect(new DiscountConfig("savings_plan", Map.of("nodes", 0.7)), Optional.empty());
        assertThat(Scraped.value(
                        m,
                        "tierlens_cost_discounted_hourly_usd",
                        "component",
                        "nodes",
                        "tier",
                        "was",
                        "pricing_model",
                        "savings_plan"))
                .hasValueCloseTo(0.236 * 0.7, within(1e-12));
        assertThat(Scraped.value(m, "tierlens_cost_hourly_usd", "component", "nodes", "tier", "was"))
                .hasValue(0.236);
    }

    @Test
    void costExplorerSeriesOnlyWhenThereIsAReport() {
        assertThat(Scraped.names(collect(new DiscountConfig(null, null), Optional.empty())))
                .doesNotContain("tierlens_cost_month_to_date_usd", "tierlens_cost_month_forecast_usd");

        CostExplorerReport r = new CostExplorerReport(
                List.of(new ServiceCost("Amazon Relational Database Service", 189.0)), Map.of("total", 1209.5), NOW);
        MetricSnapshots m = collect(new DiscountConfig(null, null), Optional.of(r));
        assertThat(Scraped.value(m, "tierlens_cost_month_to_date_usd", "service", "Amazon Relational Database Service"))
                .hasValue(189.0);
        assertThat(Scraped.value(m, "tierlens_cost_month_forecast_usd", "service", "total"))
                .hasValue(1209.5);
    }

    @Test
    void theExpositionIsValid() {
        String text = TextExposition.render(collect(
                new DiscountConfig("savings_plan", Map.of("nodes", 0.7)),
                Optional.of(new CostExplorerReport(List.of(), Map.of("total", 1.0), NOW))));
        assertThat(TextExposition.problems(text)).isEmpty();
    }
}
