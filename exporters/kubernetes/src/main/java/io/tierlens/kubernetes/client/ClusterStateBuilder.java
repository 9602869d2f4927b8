package io.tierlens.kubernetes.client;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.tierlens.kubernetes.discovery.DisruptionTracker;
import io.tierlens.kubernetes.discovery.NodeClaimParser;
import io.tierlens.kubernetes.discovery.NodeParser;
import io.tierlens.kubernetes.discovery.NodePoolParser;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.KarpenterApi;
import io.tierlens.kubernetes.model.PendingPod;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns the watch caches into a {@link ClusterState}: parsing and summing, no I/O. */
final class ClusterStateBuilder {
    private ClusterStateBuilder() {}

    static ClusterState build(
            Instant now,
            KarpenterApi api,
            List<GenericKubernetesResource> nodePools,
            List<GenericKubernetesResource> nodeClaims,
            List<Node> nodes,
            Stream<PodSummary> pods,
            DisruptionTracker disruptions) {
        Map<String, ResourceAmounts> requests = new HashMap<>();
        List<PendingPod> pending = new ArrayList<>();
        pods.forEach(p -> {
            if (p.terminal()) {
                // the field selector already leaves these out; servers that ignore it must not count them
                return;
            }
            if (!p.node().isEmpty()) {
                requests.merge(p.node(), p.requests(), ResourceAmounts::plus);
            }
            p.pendingReason()
                    .ifPresent(r -> pending.add(
                            new PendingPod(p.namespace(), r, p.created().orElse(now))));
        });
        return new ClusterState(
                now,
                api,
                nodePools.stream().map(NodePoolParser::parse).toList(),
                nodeClaims.stream().map(c -> NodeClaimParser.parse(c, now)).toList(),
                nodes.stream().map(n -> NodeParser.parse(n, now)).toList(),
                requests,
                pending,
                disruptions.counts(),
                disruptions.recent());
    }
}
