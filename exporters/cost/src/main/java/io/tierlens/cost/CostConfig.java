package io.tierlens.cost;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.cost.model.Tier;
import io.tierlens.cost.model.UnitPrice;
import io.tierlens.kubernetes.client.KubernetesConnection;
import java.time.Duration;
import java.util.Map;

/**
 * {@code exporters.cost:}
 *
 * @param refresh how often costs are recomputed from the cluster and the price book, default 60s
 * @param maxStaleness default 15m
 * @param priceRefresh how often list and spot prices are fetched again, default 1h
 * @param region the cluster's region for prices; "" = the first configured region
 * @param kubeconfig as for the karpenter exporter (the same values share one watch)
 * @param context as for the karpenter exporter
 * @param spotFallbackRatio spot price / on-demand price assumed when no spot price is known, default 0.35
 * @param tiers NodePool → tier; NodePools not listed are {@code shared}. Default {web: web, was: was}
 * @param budgets scope → monthly budget in USD ({@code tierlens_cost_budget_monthly_usd})
 * @param unitPrices overrides of the regional unit prices (keys of {@link UnitPrice}); they win over the Pricing
 *     API and the bundled regional table
 * @param tierMapping the tier of discovered ALBs, RDS instances and NAT gateways
 * @param natGateways NAT gateway discovery and data-processed reads
 */
public record CostConfig(
        Boolean enabled,
        Duration refresh,
        Duration maxStaleness,
        Duration priceRefresh,
        String region,
        String kubeconfig,
        String context,
        Double spotFallbackRatio,
        Map<String, String> tiers,
        Map<String, Double> budgets,
        Map<String, Double> unitPrices,
        DiscountConfig discounts,
        InventoryConfig inventory,
        CostExplorerConfig costExplorer,
        TierMappingConfig tierMapping,
        NatGatewayConfig natGateways)
        implements ExporterSettings, ConfigChecked {

    public CostConfig {
        enabled = enabled == null || enabled;
        refresh = refresh == null ? Duration.ofSeconds(60) : refresh;
        maxStaleness = maxStaleness == null ? Duration.ofMinutes(15) : maxStaleness;
        priceRefresh = priceRefresh == null ? Duration.ofHours(1) : priceRefresh;
        region = region == null ? "" : region;
        kubeconfig = kubeconfig == null ? "" : kubeconfig;
        context = context == null ? "" : context;
        spotFallbackRatio = spotFallbackRatio == null ? 0.35 : spotFallbackRatio;
        tiers = tiers == null ? Map.of("web", Tier.WEB, "was", Tier.WAS) : Map.copyOf(tiers);
        budgets = budgets == null ? Map.of() : Map.copyOf(budgets);
        unitPrices = unitPrices == null ? Map.of() : Map.copyOf(unitPrices);
        discounts = discounts == null ? new DiscountConfig(null, null) : discounts;
        inventory = inventory == null ? new InventoryConfig(null, null, null, null, null, null, null) : inventory;
        costExplorer = costExplorer == null ? new CostExplorerConfig(null, null, null) : costExplorer;
        tierMapping = tierMapping == null ? new TierMappingConfig(null, null) : tierMapping;
        natGateways = natGateways == null ? new NatGatewayConfig(null, null) : natGateways;
    }

    public KubernetesConnection connection() {
        return new KubernetesConnection(kubeconfig, context);
    }

    public String tierOf(String nodePool) {
        return tiers.getOrDefault(nodePool, Tier.SHARED);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        ExporterSettings.checkCommon(this, path, problems);
        KubernetesConnection.checkKubeconfig(kubeconfig, path, problems);
        if (priceRefresh.compareTo(Duration.ofMinutes(5)) < 0) {
            problems.add(
                    ConfigProblems.join(path, "price_refresh"),
                    "is shorter than 5m; list prices change monthly, spot prices hourly at most",
                    "use 1h");
        }
        if (spotFallbackRatio <= 0 || spotFallbackRatio > 1) {
            problems.add(ConfigProblems.join(path, "spot_fallback_ratio"), "must be in (0, 1]", "e.g. 0.35");
        }
        tiers.forEach((pool, tier) -> InventoryConfig.checkTier(
                tier, ConfigProblems.join(ConfigProblems.join(path, "tiers"), pool), problems));
        budgets.forEach((scope, usd) -> {
            if (usd < 0) {
                problems.add(
                        ConfigProblems.join(ConfigProblems.join(path, "budgets"), scope),
                        "must not be negative",
                        "a monthly amount in USD");
            }
        });
        unitPrices.forEach((k, v) -> {
            String p = ConfigProblems.join(ConfigProblems.join(path, "unit_prices"), k);
            if (UnitPrice.ofKey(k).isEmpty()) {
                problems.add(
                        p,
                        "unknown unit price",
                        "use one of "
                                + String.join(
                                        ", ",
                                        java.util.Arrays.stream(UnitPrice.values())
                                                .map(UnitPrice::key)
                                                .sorted()
                                                .toList()));
            } else if (v < 0) {
                problems.add(p, "must not be negative", "a price in USD");
            }
        });
    }
}
