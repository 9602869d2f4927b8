package io.tierlens.karpenter.client;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.tierlens.karpenter.discovery.DisruptionTracker;
import io.tierlens.karpenter.discovery.NodeClaimParser;
import io.tierlens.karpenter.discovery.NodeParser;
import io.tierlens.karpenter.discovery.NodePoolParser;
import io.tierlens.karpenter.discovery.PendingReasons;
import io.tierlens.karpenter.discovery.PodRequests;
import io.tierlens.karpenter.model.ClusterState;
import io.tierlens.karpenter.model.KarpenterApi;
import io.tierlens.karpenter.model.PendingPod;
import io.tierlens.karpenter.model.ResourceAmounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            Stream<Pod> pods,
            DisruptionTracker disruptions) {
        Map<String, ResourceAmounts> requests = new HashMap<>();
        List<PendingPod> pending = new ArrayList<>();
        pods.forEach(p -> {
            String phase = p.getStatus() == null ? "" : p.getStatus().getPhase();
            if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
                // the field selector already leaves these out; servers that ignore it must not count them
                return;
            }
            String node = p.getSpec() == null ? null : p.getSpec().getNodeName();
            if (node != null && !node.isEmpty()) {
                requests.merge(node, PodRequests.of(p), ResourceAmounts::plus);
            }
            Optional<String> reason = PendingReasons.of(p);
            reason.ifPresent(r -> pending.add(new PendingPod(
                    p.getMetadata().getNamespace(),
                    r,
                    parseTime(p.getMetadata().getCreationTimestamp()).orElse(now))));
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

    private static Optional<Instant> parseTime(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
