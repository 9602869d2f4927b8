package io.tierlens.kubernetes.discovery;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.time.Instant;
import java.util.Map;

/** Reads a Kubernetes node: its Karpenter labels, allocatable capacity and readiness. */
public final class NodeParser {
    private NodeParser() {}

    public static ClusterNode parse(Node n, Instant now) {
        Map<String, Quantity> alloc = n.getStatus() == null || n.getStatus().getAllocatable() == null
                ? Map.of()
                : n.getStatus().getAllocatable();
        ResourceAmounts allocatable = new ResourceAmounts(
                ObjectFields.quantity(alloc.get("cpu")).orElse(0),
                ObjectFields.quantity(alloc.get("memory")).orElse(0),
                ObjectFields.quantity(alloc.get("pods")).orElse(0));
        return new ClusterNode(
                n.getMetadata().getName(),
                ObjectFields.label(n.getMetadata(), WellKnownLabels.NODEPOOL),
                WellKnownLabels.shape(n.getMetadata()),
                allocatable,
                ready(n),
                ObjectFields.created(n.getMetadata(), now));
    }

    static boolean ready(Node n) {
        if (n.getStatus() == null || n.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition c : n.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }
}
