package io.tierlens.cost.model;

import java.util.Optional;

/**
 * The regional unit prices besides instance hours: what the Pricing API is asked for per component, what
 * {@code unit_prices} may override, and the {@code component}/{@code unit} labels of
 * {@code tierlens_cost_unit_price_usd}.
 */
public enum UnitPrice {
    EKS_CLUSTER_HOUR("eks_cluster_hour", Component.EKS_CONTROL_PLANE, "hour"),
    EKS_EXTENDED_CLUSTER_HOUR("eks_extended_cluster_hour", Component.EKS_CONTROL_PLANE, "extended_support_hour"),
    ALB_HOUR("alb_hour", Component.ALB, "hour"),
    ALB_LCU_HOUR("alb_lcu_hour", Component.ALB, "lcu_hour"),
    NAT_GATEWAY_HOUR("nat_gateway_hour", Component.NAT_GATEWAY, "hour"),
    NAT_GATEWAY_GB("nat_gateway_gb", Component.NAT_GATEWAY, "gb_processed"),
    EBS_GB_MONTH("ebs_gb_month", Component.EBS, "gb_month"),
    RDS_STORAGE_GB_MONTH("rds_storage_gb_month", Component.RDS, "storage_gb_month"),
    RDS_IOPS_MONTH("rds_iops_month", Component.RDS, "iops_month");

    /** AWS bills monthly resources per hour with a 730-hour month. */
    public static final double HOURS_PER_MONTH = 730;

    private final String key;
    private final Component component;
    private final String unit;

    UnitPrice(String key, Component component, String unit) {
        this.key = key;
        this.component = component;
        this.unit = unit;
    }

    /** The key under {@code unit_prices:} and in the bundled table. */
    public String key() {
        return key;
    }

    public Component component() {
        return component;
    }

    public String unit() {
        return unit;
    }

    public static Optional<UnitPrice> ofKey(String key) {
        for (UnitPrice p : values()) {
            if (p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
