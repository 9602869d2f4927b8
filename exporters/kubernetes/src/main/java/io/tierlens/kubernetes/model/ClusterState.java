package io.tierlens.kubernetes.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the Karpenter and cost exporters read from the cluster, at one instant, built from the watch caches.
 *
 * @param requestsByNode summed requests of the non-terminal pods bound to each node, by node name
 * @param disruptions disruptions counted since start, by (NodePool, reason)
 * @param recentDisruptions the newest disruptions (bounded), oldest first
 */
public record ClusterState(
        Instant observedAt,
        KarpenterApi api,
        List<NodePool> nodePools,
        List<NodeClaim> nodeClaims,
        List<ClusterNode> nodes,
        Map<String, ResourceAmounts> requestsByNode,
        List<PendingPod> pendingPods,
        Map<DisruptionKey, Long> disruptions,
        List<Disruption> recentDisruptions) {

    public ClusterState {
        nodePools = List.copyOf(nodePools);
        nodeClaims = List.copyOf(nodeClaims);
        nodes = List.copyOf(nodes);
        requestsByNode = Map.copyOf(requestsByNode);
        pendingPods = List.copyOf(pendingPods);
        disruptions = Map.copyOf(disruptions);
        recentDisruptions = List.copyOf(recentDisruptions);
    }

    /** Counter key of {@code tierlens_karpenter_disruptions_total}. */
    public record DisruptionKey(String nodePool, String reason) {}
}
