package io.tierlens.cost;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.core.exporter.SettingsExporter;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.cost.collector.CostCalculator;
import io.tierlens.cost.collector.CostCollector;
import io.tierlens.cost.discovery.ConsolidationSavings;
import io.tierlens.cost.discovery.CostExplorerRefresher;
import io.tierlens.cost.discovery.InventoryAssembler;
import io.tierlens.cost.discovery.NatGatewayWatch;
import io.tierlens.cost.discovery.PriceBookRefresher;
import io.tierlens.cost.discovery.UnitPriceRefresher;
import io.tierlens.cost.model.CostBreakdown;
import io.tierlens.cost.model.Inventory;
import io.tierlens.cost.model.NatGatewayUsage;
import io.tierlens.cost.model.NodeCost;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PriceBook;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.UnitPriceTable;
import io.tierlens.kubernetes.client.ClusterWatch;
import io.tierlens.kubernetes.client.KarpenterAccess;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each tier costs per hour: nodes from the shared cluster watch priced by the price book (refreshed
 * hourly); ALBs and RDS instances the ALB and RDS exporters discovered, NAT gateways discovered here, node volumes
 * and the control plane, priced at the region's unit prices; the {@code inventory:} section overrides. Cost
 * Explorer, when enabled, adds the billed month to date and forecast.
 */
public final class CostExporter extends SettingsExporter {
    private final CostConfig config;
    private final ClusterWatch cluster;
    private final InventoryAssembler inventory;
    private final Optional<NatGatewayWatch> natGateways;
    private final PriceBookRefresher prices;
    private final UnitPriceRefresher unitPrices;
    private final CostExplorerRefresher costExplorer;
    private final Clock clock;
    private final ConsolidationSavings savings = new ConsolidationSavings();

    public CostExporter(
            CostConfig config,
            ClusterWatch cluster,
            InventoryAssembler inventory,
            Optional<NatGatewayWatch> natGateways,
            PriceBookRefresher prices,
            UnitPriceRefresher unitPrices,
            CostExplorerRefresher costExplorer,
            Clock clock) {
        super(CostModule.NAME, config);
        this.config = config;
        this.cluster = cluster;
        this.inventory = inventory;
        this.natGateways = natGateways;
        this.prices = prices;
        this.unitPrices = unitPrices;
        this.costExplorer = costExplorer;
        this.clock = clock;
    }

    @Override
    public RefreshResult refresh() throws Exception {
        // Polled before anything may throw: the CloudWatch planner waits for one submission per round from us.
        if (natGateways.isPresent()) {
            natGateways.get().poll();
        }
        ClusterState state = cluster.snapshot();
        Instant now = clock.instant();
        List<NatGatewayUsage> nat = natGateways.map(w -> w.usage(now)).orElse(List.of());
        Inventory inv = inventory.assemble(state, nat, config::tierOf, now);
        List<PartialFailure> priceFailures = new ArrayList<>(prices.refresh(instanceTypes(state), inv.databases()));
        priceFailures.addAll(unitPrices.refresh());
        List<PartialFailure> explorerFailures = costExplorer.refreshIfDue();
        // node pricing continues without NodeClaims; what is lost (consolidation savings) is reported, not hidden
        List<PartialFailure> karpenterFailures = KarpenterAccess.problems(state.api());
        PriceBook book = prices.book();
        UnitPriceTable units = unitPrices.table();
        savings.track(nodePools(state));
        savings.observe(state.recentDisruptions(), book);
        CostBreakdown costs = CostCalculator.compute(state, book, inv, units, config::tierOf, config.discounts());
        List<Price> inUse = new ArrayList<>();
        costs.nodes().stream().map(NodeCost::price).forEach(inUse::add);
        inv.databases().forEach(d -> book.database(d).ifPresent(inUse::add));
        // a configured price has no age worth reporting: the configuration is its source
        units.prices().values().stream()
                .filter(p -> p.source() != PricingSource.CONFIGURED)
                .forEach(inUse::add);
        MetricSnapshots data = CostCollector.collect(
                costs,
                units,
                config.discounts().pricingModel(),
                inUse,
                config.budgets(),
                costExplorer.report(),
                savings.totals(),
                now);
        // One target per source: a denied Pricing API must not make the Kubernetes view look blind, or back.
        List<TargetStatus> targets = new ArrayList<>();
        // Forbidden NodePools/NodeClaims: nodes are still priced (the data stays), but the target is not fully read.
        targets.add(new TargetStatus(
                "kubernetes",
                karpenterFailures.stream().map(PartialFailure::reason).toList(),
                Optional.of(state.observedAt())));
        targets.add(status("pricing", priceFailures, now));
        if (config.costExplorer().enabled()) {
            targets.add(status("cost_explorer", explorerFailures, now));
        }
        List<PartialFailure> failures = new ArrayList<>(priceFailures);
        failures.addAll(explorerFailures);
        failures.addAll(karpenterFailures);
        natGateways.ifPresent(w -> {
            TargetStatus s = w.status(now);
            targets.add(s);
            s.reasons()
                    .forEach(r -> failures.add(
                            new PartialFailure(r, "NAT gateway discovery or CloudWatch failed for " + s.target())));
        });
        return new RefreshResult(data, now, failures, targets);
    }

    private static TargetStatus status(String target, List<PartialFailure> failures, Instant now) {
        List<String> reasons = failures.stream().map(PartialFailure::reason).toList();
        return new TargetStatus(target, reasons, reasons.isEmpty() ? Optional.of(now) : Optional.empty());
    }

    @Override
    public String defaultTarget() {
        return "kubernetes";
    }

    /** NodePools of the cluster, and of its nodes (a node can outlive its NodePool object). */
    private static Set<String> nodePools(ClusterState state) {
        Set<String> out = new TreeSet<>();
        state.nodePools().forEach(p -> out.add(p.name()));
        state.nodes().stream()
                .map(ClusterNode::nodePool)
                .filter(p -> p != null && !p.isEmpty())
                .forEach(out::add);
        return out;
    }

    private static Set<String> instanceTypes(ClusterState state) {
        Set<String> types = new TreeSet<>();
        for (ClusterNode n : state.nodes()) {
            if (!n.shape().instanceType().isEmpty()) {
                types.add(n.shape().instanceType());
            }
        }
        return types;
    }
}
