package io.tierlens.cost.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.cost.model.CostBreakdown;
import io.tierlens.cost.model.CostBreakdown.ComponentTier;
import io.tierlens.cost.model.CostBreakdown.ComponentTierSource;
import io.tierlens.cost.model.CostExplorerReport;
import io.tierlens.cost.model.NodeCost;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.UnitPrice;
import io.tierlens.cost.model.UnitPriceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The metrics of METRICS.md "Cost (USD)" from one refresh's numbers. Pure. */
public final class CostCollector {
    private CostCollector() {}

    /**
     * @param pricingModel the {@code pricing_model} label of the discounted series ("" when none)
     * @param pricesInUse every price the refresh used (node, database), for their ages
     */
    public static MetricSnapshots collect(
            CostBreakdown costs,
            UnitPriceTable unitPrices,
            String pricingModel,
            List<Price> pricesInUse,
            Map<String, Double> budgets,
            Optional<CostExplorerReport> costExplorer,
            Map<String, Double> consolidationSavings,
            Instant now) {
        SnapshotAssembler out = new SnapshotAssembler();
        nodes(costs, out);
        components(costs, pricingModel, out);
        FamilyBuilder unit = out.gauge(
                "tierlens_cost_unit_price_usd",
                "Regional unit price in use per component and unit (hour, lcu_hour, gb_processed, gb_month, ...)"
                        + " and where it came from.",
                "component",
                "unit",
                "pricing_source");
        for (UnitPrice u : UnitPrice.values()) {
            Price p = unitPrices.price(u);
            unit.add(p.usdPerHour(), u.component().label(), u.unit(), p.source().label());
        }
        FamilyBuilder age = out.gauge(
                "tierlens_cost_price_age_seconds",
                "Age of the oldest price in use from each source (since fetched, or since the bundled table's"
                        + " date).",
                "source");
        Map<PricingSource, Instant> oldest = new EnumMap<>(PricingSource.class);
        for (Price p : pricesInUse) {
            oldest.merge(p.source(), p.asOf(), (a, b) -> a.isBefore(b) ? a : b);
        }
        oldest.forEach((s, t) -> age.add(Math.max(0, Duration.between(t, now).toMillis() / 1000.0), s.label()));
        FamilyBuilder budget = out.gauge(
                "tierlens_cost_budget_monthly_usd", "Monthly budget from the configuration, by scope.", "scope");
        new TreeMap<>(budgets).forEach((scope, usd) -> budget.add(usd, scope));
        costExplorer.ifPresent(r -> costExplorer(r, out));
        FamilyBuilder savings = out.counter(
                "tierlens_cost_consolidation_savings_usd_total",
                "Hourly list price of NodeClaims Karpenter consolidated away minus their replacements', summed"
                        + " since start (increase over a window = USD/h of spend removed in it).",
                "nodepool");
        new TreeMap<>(consolidationSavings).forEach((pool, usd) -> savings.add(usd, pool));
        return out.build();
    }

    private static void nodes(CostBreakdown costs, SnapshotAssembler out) {
        FamilyBuilder node = out.gauge(
                "tierlens_cost_node_hourly_usd",
                "Hourly price of each node at list price (on-demand list or spot market) and where it came from.",
                "node",
                "nodepool",
                "capacity_type",
                "instance_type",
                "zone",
                "pricing_source");
        FamilyBuilder pool = out.gauge(
                "tierlens_cost_nodepool_hourly_usd",
                "Hourly price of the nodes of each NodePool and capacity type.",
                "nodepool",
                "capacity_type");
        FamilyBuilder idle = out.gauge(
                "tierlens_cost_nodepool_idle_hourly_usd",
                "The part of the NodePool's hourly price that pays for capacity no pod requested.",
                "nodepool",
                "capacity_type");
        Map<List<String>, double[]> pools =
                new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        costs.nodes().stream().sorted(Comparator.comparing(NodeCost::node)).forEach(n -> {
            node.add(
                    n.price().usdPerHour(),
                    n.node(),
                    n.nodePool(),
                    n.shape().capacityType(),
                    n.shape().instanceType(),
                    n.shape().zone(),
                    n.price().source().label());
            double[] sums =
                    pools.computeIfAbsent(List.of(n.nodePool(), n.shape().capacityType()), k -> new double[2]);
            sums[0] += n.price().usdPerHour();
            sums[1] += n.idleUsdPerHour();
        });
        pools.forEach((k, v) -> {
            pool.add(v[0], k.get(0), k.get(1));
            idle.add(v[1], k.get(0), k.get(1));
        });
        FamilyBuilder unpriced = out.gauge(
                "tierlens_cost_unpriced_nodes",
                "Nodes left out of the cost metrics because no price is known for their instance type.",
                "nodepool");
        new TreeMap<>(costs.unpricedNodes()).forEach((p, n) -> unpriced.add(n, p));
    }

    private static void components(CostBreakdown costs, String pricingModel, SnapshotAssembler out) {
        Comparator<ComponentTier> order =
                Comparator.comparing((ComponentTier k) -> k.component()).thenComparing(ComponentTier::tier);
        FamilyBuilder hourly = out.gauge(
                "tierlens_cost_hourly_usd", "Hourly cost at list price by component and tier.", "component", "tier");
        costs.hourly().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(order))
                .forEach(e -> hourly.add(
                        e.getValue(), e.getKey().component().label(), e.getKey().tier()));
        FamilyBuilder bySource = out.gauge(
                "tierlens_cost_hourly_by_source_usd",
                "tierlens_cost_hourly_usd split by how the priced resources are known: discovered by an exporter,"
                        + " configured under inventory, or estimated from a default.",
                "component",
                "tier",
                "source");
        costs.bySource().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing((ComponentTierSource k) -> k.component())
                        .thenComparing(ComponentTierSource::tier)
                        .thenComparing(ComponentTierSource::source)))
                .forEach(e -> bySource.add(
                        e.getValue(),
                        e.getKey().component().label(),
                        e.getKey().tier(),
                        e.getKey().source().label()));
        FamilyBuilder discounted = out.gauge(
                "tierlens_cost_discounted_hourly_usd",
                "Hourly cost by component and tier under the configured discounts (Savings Plans, RIs, private"
                        + " pricing); list price stays in tierlens_cost_hourly_usd.",
                "component",
                "tier",
                "pricing_model");
        costs.discounted().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(order))
                .forEach(e -> discounted.add(
                        e.getValue(), e.getKey().component().label(), e.getKey().tier(), pricingModel));
    }

    private static void costExplorer(CostExplorerReport r, SnapshotAssembler out) {
        FamilyBuilder mtd = out.gauge(
                "tierlens_cost_month_to_date_usd",
                "Cost Explorer unblended cost from the first of the month to yesterday, by service.",
                "service");
        r.monthToDate().forEach(c -> mtd.add(c.usd(), c.service()));
        FamilyBuilder forecast = out.gauge(
                "tierlens_cost_month_forecast_usd",
                "Month to date plus Cost Explorer's forecast for the rest of the month (service=\"total\" and the"
                        + " configured services; do not sum).",
                "service");
        new TreeMap<>(r.monthForecast()).forEach((s, usd) -> forecast.add(usd, s));
    }
}
