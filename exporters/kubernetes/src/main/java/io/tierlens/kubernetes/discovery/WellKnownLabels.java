package io.tierlens.kubernetes.discovery;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.tierlens.kubernetes.model.InstanceShape;
import java.util.Locale;

/** The node labels Karpenter and EKS set, with the older aliases some nodes still carry. */
public final class WellKnownLabels {
    public static final String NODEPOOL = "karpenter.sh/nodepool";
    public static final String CAPACITY_TYPE = "karpenter.sh/capacity-type";
    public static final String INSTANCE_TYPE = "node.kubernetes.io/instance-type";
    public static final String ZONE = "topology.kubernetes.io/zone";
    /** Managed node groups say ON_DEMAND / SPOT here instead. */
    static final String EKS_CAPACITY_TYPE = "eks.amazonaws.com/capacityType";

    private WellKnownLabels() {}

    public static InstanceShape shape(ObjectMeta meta) {
        return new InstanceShape(
                ObjectFields.label(meta, INSTANCE_TYPE, "beta.kubernetes.io/instance-type"),
                capacityType(meta),
                ObjectFields.label(meta, ZONE, "failure-domain.beta.kubernetes.io/zone"));
    }

    private static String capacityType(ObjectMeta meta) {
        String karpenter = ObjectFields.label(meta, CAPACITY_TYPE);
        if (!karpenter.isEmpty()) {
            return karpenter;
        }
        String eks = ObjectFields.label(meta, EKS_CAPACITY_TYPE);
        return eks.isEmpty() ? "" : eks.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
