package io.tierlens.kubernetes.model;

/**
 * What a node is, for pricing: EC2 instance type, capacity type ({@code spot}, {@code on-demand}) and zone.
 * Empty strings where the labels are missing (a node Karpenter has not launched yet, or one it does not manage).
 */
public record InstanceShape(String instanceType, String capacityType, String zone) {
    public static final String SPOT = "spot";
    public static final String ON_DEMAND = "on-demand";

    public InstanceShape {
        instanceType = instanceType == null ? "" : instanceType;
        capacityType = capacityType == null ? "" : capacityType;
        zone = zone == null ? "" : zone;
    }

    public boolean spot() {
        return SPOT.equals(capacityType);
    }
}
