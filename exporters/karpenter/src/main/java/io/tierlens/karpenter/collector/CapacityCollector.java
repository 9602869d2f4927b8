package io.tierlens.karpenter.collector;

import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.kubernetes.model.ClusterNode;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.PendingPod;
import io.tierlens.kubernetes.model.Resource;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Node counts, allocatable versus requested capacity, and pending pods. Pure. */
final class CapacityCollector {
    private static final List<Resource> NODE_RESOURCES = List.of(Resource.CPU, Resource.MEMORY, Resource.PODS);

    private CapacityCollector() {}

    static void nodes(ClusterState state, SnapshotAssembler out) {
        FamilyBuilder count = out.gauge(
                "tierlens_karpenter_nodes",
                "Nodes by NodePool (\"\" = not managed by Karpenter), capacity type, instance type and zone.",
                "nodepool",
                "capacity_type",
                "instance_type",
                "zone");
        FamilyBuilder allocatable = out.gauge(
                "tierlens_karpenter_node_allocatable",
                "Allocatable capacity of the nodes (cpu in cores, memory in bytes, pods).",
                "nodepool",
                "capacity_type",
                "resource");
        FamilyBuilder requests = out.gauge(
                "tierlens_karpenter_node_requests",
                "Requests of the non-terminal pods bound to the nodes (cpu in cores, memory in bytes, pods).",
                "nodepool",
                "capacity_type",
                "resource");
        Map<List<String>, Long> counts = new TreeMap<>(CapacityCollector::compare);
        Map<List<String>, ResourceAmounts> alloc = new TreeMap<>(CapacityCollector::compare);
        Map<List<String>, ResourceAmounts> req = new TreeMap<>(CapacityCollector::compare);
        for (ClusterNode n : state.nodes()) {
            counts.merge(
                    List.of(
                            n.nodePool(),
                            n.shape().capacityType(),
                            n.shape().instanceType(),
                            n.shape().zone()),
                    1L,
                    Long::sum);
            List<String> group = List.of(n.nodePool(), n.shape().capacityType());
            alloc.merge(group, n.allocatable(), ResourceAmounts::plus);
            req.merge(
                    group, state.requestsByNode().getOrDefault(n.name(), ResourceAmounts.ZERO), ResourceAmounts::plus);
        }
        counts.forEach((k, v) -> count.add(v, k.toArray(String[]::new)));
        alloc.forEach((k, a) -> {
            ResourceAmounts r = req.get(k);
            for (Resource res : NODE_RESOURCES) {
                allocatable.add(a.get(res), k.get(0), k.get(1), res.label());
                requests.add(r.get(res), k.get(0), k.get(1), res.label());
            }
        });
    }

    static void pendingPods(ClusterState state, SnapshotAssembler out) {
        FamilyBuilder count = out.gauge(
                "tierlens_karpenter_pending_pods",
                "Pods in phase Pending by namespace and reason (unschedulable = no node fits).",
                "namespace",
                "reason");
        FamilyBuilder oldest = out.gauge(
                "tierlens_karpenter_pending_pod_oldest_seconds",
                "Age of the oldest Pending pod by namespace and reason.",
                "namespace",
                "reason");
        Map<List<String>, Long> counts = new TreeMap<>(CapacityCollector::compare);
        Map<List<String>, Duration> ages = new TreeMap<>(CapacityCollector::compare);
        for (PendingPod p : state.pendingPods()) {
            List<String> key = List.of(p.namespace(), p.reason());
            counts.merge(key, 1L, Long::sum);
            Duration age = Duration.between(p.created(), state.observedAt());
            ages.merge(key, age.isNegative() ? Duration.ZERO : age, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        counts.forEach((k, v) -> count.add(v, k.get(0), k.get(1)));
        ages.forEach((k, v) -> oldest.add(v.toMillis() / 1000.0, k.get(0), k.get(1)));
    }

    /** Stable order of label tuples, so the exposition does not reshuffle between scrapes. */
    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
