package io.tierlens.cost.model;

import java.util.Map;

/**
 * Regional unit prices that are the same for every resource of a kind (USD). Defaults are us-east-1 list prices;
 * {@code unit_prices} in the config overrides them for other regions.
 */
public record UnitPrices(
        double eksClusterHour,
        double albHour,
        double albLcuHour,
        double natGatewayHour,
        double ebsGbMonth,
        double rdsStorageGbMonth) {
    /** AWS bills monthly resources per hour with a 730-hour month. */
    public static final double HOURS_PER_MONTH = 730;

    public static final UnitPrices US_EAST_1 = new UnitPrices(0.10, 0.0225, 0.008, 0.045, 0.08, 0.115);

    /** The config keys, as written under {@code unit_prices:}. */
    public static final java.util.Set<String> KEYS = java.util.Set.of(
            "eks_cluster_hour", "alb_hour", "alb_lcu_hour", "nat_gateway_hour", "ebs_gb_month", "rds_storage_gb_month");

    public UnitPrices with(Map<String, Double> overrides) {
        return new UnitPrices(
                overrides.getOrDefault("eks_cluster_hour", eksClusterHour),
                overrides.getOrDefault("alb_hour", albHour),
                overrides.getOrDefault("alb_lcu_hour", albLcuHour),
                overrides.getOrDefault("nat_gateway_hour", natGatewayHour),
                overrides.getOrDefault("ebs_gb_month", ebsGbMonth),
                overrides.getOrDefault("rds_storage_gb_month", rdsStorageGbMonth));
    }
}
