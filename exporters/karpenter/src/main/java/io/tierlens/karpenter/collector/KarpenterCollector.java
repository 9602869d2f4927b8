package io.tierlens.karpenter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.ClusterState.DisruptionKey;
import io.tierlens.kubernetes.model.Disruption;
import io.tierlens.kubernetes.model.KarpenterApi;
import io.tierlens.kubernetes.model.NodeClaim;
import io.tierlens.kubernetes.model.NodeClaimPhase;
import io.tierlens.kubernetes.model.NodePool;
import io.tierlens.kubernetes.model.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The metrics of METRICS.md "Karpenter" from a {@link ClusterState}. Pure: no I/O, no clock but the state's.
 * NodePools get their phase and readiness series even at zero, so alerts see a value instead of nothing.
 */
public final class KarpenterCollector {
    private KarpenterCollector() {}

    public static MetricSnapshots collect(ClusterState state) {
        SnapshotAssembler out = new SnapshotAssembler();
        api(state.api(), out);
        nodePools(state, out);
        nodeClaims(state, out);
        CapacityCollector.nodes(state, out);
        CapacityCollector.pendingPods(state, out);
        FamilyBuilder disruptions = out.counter(
                "tierlens_karpenter_disruptions_total",
                "NodeClaims seen starting to terminate since tierlens started, by NodePool and reason.",
                "nodepool",
                "reason");
        // Every known reason of every NodePool seen starts at 0, so increase() sees the first disruption.
        Map<DisruptionKey, Long> counts =
                new TreeMap<>(Comparator.comparing(DisruptionKey::nodePool).thenComparing(DisruptionKey::reason));
        for (NodePool pool : state.nodePools()) {
            for (String reason : Disruption.KNOWN_REASONS) {
                counts.put(new DisruptionKey(pool.name(), reason), 0L);
            }
        }
        counts.putAll(state.disruptions());
        counts.forEach((k, n) -> disruptions.add(n, k.nodePool(), k.reason()));
        return out.build();
    }

    static void api(KarpenterApi api, SnapshotAssembler out) {
        FamilyBuilder f = out.gauge(
                "tierlens_karpenter_api_supported",
                "1 if tierlens reads this karpenter.sh API version (v1), 0 if the cluster lacks v1, serves only"
                        + " a version tierlens does not read (v1beta1 and older), or RBAC forbids reading v1.",
                "version");
        f.add(api.readable() ? 1 : 0, KarpenterApi.READ_VERSION);
        for (String v : api.served()) {
            if (!v.equals(KarpenterApi.READ_VERSION) && !api.v1()) {
                f.add(0, v);
            }
        }
    }

    static void nodePools(ClusterState state, SnapshotAssembler out) {
        FamilyBuilder info = out.info(
                "tierlens_karpenter_nodepool_info",
                "A Karpenter NodePool with its consolidation policy and node class (kind/name).",
                "nodepool",
                "consolidation_policy",
                "node_class");
        FamilyBuilder limit = out.gauge(
                "tierlens_karpenter_nodepool_limit",
                "spec.limits of the NodePool (cpu in cores, memory in bytes, nodes); absent = unlimited.",
                "nodepool",
                "resource");
        FamilyBuilder usage = out.gauge(
                "tierlens_karpenter_nodepool_usage",
                "Resources the NodePool has provisioned (status.resources; nodes from status.nodes or its"
                        + " NodeClaims).",
                "nodepool",
                "resource");
        FamilyBuilder ready = out.gauge(
                "tierlens_karpenter_nodepool_ready", "1 if the NodePool's Ready condition is True.", "nodepool");
        for (NodePool p : state.nodePools()) {
            info.addInfo(p.name(), p.consolidationPolicy(), p.nodeClass());
            for (Resource r : Resource.values()) {
                Double l = p.limits().get(r);
                if (l != null) {
                    limit.add(l, p.name(), r.label());
                }
                Double u = p.usage().get(r);
                if (u == null && r == Resource.NODES) {
                    u = (double) state.nodeClaims().stream()
                            .filter(c -> c.nodePool().equals(p.name()))
                            .count();
                }
                if (u != null) {
                    usage.add(u, p.name(), r.label());
                }
            }
            p.ready().ifPresent(b -> ready.add(b ? 1 : 0, p.name()));
        }
    }

    static void nodeClaims(ClusterState state, SnapshotAssembler out) {
        FamilyBuilder phases = out.gauge(
                "tierlens_karpenter_nodeclaims",
                "NodeClaims by the furthest phase their conditions show (exclusive: phases add up to all claims).",
                "nodepool",
                "phase");
        FamilyBuilder oldest = out.gauge(
                "tierlens_karpenter_nodeclaim_oldest_unready_seconds",
                "Age of the oldest NodeClaim not yet initialized (0 when none): a launch or registration that"
                        + " hangs.",
                "nodepool");
        Set<String> pools = new TreeSet<>();
        state.nodePools().forEach(p -> pools.add(p.name()));
        state.nodeClaims().forEach(c -> pools.add(c.nodePool()));
        Instant now = state.observedAt();
        for (String pool : pools) {
            Map<NodeClaimPhase, Long> counts = new java.util.EnumMap<>(NodeClaimPhase.class);
            Duration oldestUnready = Duration.ZERO;
            for (NodeClaim c : state.nodeClaims()) {
                if (!c.nodePool().equals(pool)) {
                    continue;
                }
                counts.merge(c.phase(), 1L, Long::sum);
                if (c.phase().unready()) {
                    Duration age = Duration.between(c.created(), now);
                    if (age.compareTo(oldestUnready) > 0) {
                        oldestUnready = age;
                    }
                }
            }
            for (NodeClaimPhase phase : NodeClaimPhase.values()) {
                phases.add(counts.getOrDefault(phase, 0L), pool, phase.label());
            }
            oldest.add(oldestUnready.toMillis() / 1000.0, pool);
        }
    }
}
