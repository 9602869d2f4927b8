package io.tierlens.demo.karpenter;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.tierlens.kubernetes.client.InformerClusterWatch;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes the simulated cluster into the mock API server the way the real controllers would: objects are
 * created, updated when they change, and NodeClaims are deleted through Karpenter's finalizer (first a
 * {@code deletionTimestamp}, then gone), so the exporter's watches see the real event sequence.
 */
final class ClusterWriter {
    private final KubernetesClient client;
    private final Map<String, HasMetadata> written = new HashMap<>();
    private final Set<String> deleteIssued = new HashSet<>();

    ClusterWriter(KubernetesClient client) {
        this.client = client;
    }

    void write(SimulatedKarpenter sim, Duration t) {
        for (SimPool pool : SimulatedKarpenter.POOLS) {
            Map<String, Double> u = sim.poolUsage(pool);
            put(
                    "nodepool/" + pool.name(),
                    DemoObjects.nodePool(
                            pool, u.get("cpu"), u.get("memory"), u.get("nodes").intValue(), true),
                    r -> client.genericKubernetesResources(InformerClusterWatch.NODEPOOLS)
                            .resource((GenericKubernetesResource) r));
        }
        Map<String, HasMetadata> nodes = new LinkedHashMap<>();
        Set<String> claimNames = new HashSet<>();
        for (SimClaim c : sim.claims()) {
            claimNames.add(c.name());
            String key = "nodeclaim/" + c.name();
            GenericKubernetesResource claim =
                    DemoObjects.nodeClaim(c, c.launched(t), c.registered(t), c.initialized(t));
            Resource<GenericKubernetesResource> res = claims().resource(claim);
            if (!c.deleting() || !deleteIssued.contains(key)) {
                put(key, claim, r -> res);
            }
            if (c.deleting() && deleteIssued.add(key)) {
                claims().withName(c.name()).delete();
            }
            if (c.registered(t)) {
                nodes.put("node/" + c.nodeName(), DemoObjects.node(c, c.initialized(t), c.deleting()));
            }
        }
        finishTerminated(claimNames);
        sync(
                "node/",
                nodes,
                r -> client.nodes().resource((Node) r),
                n -> client.nodes().withName(n));
        Map<String, HasMetadata> pods = new LinkedHashMap<>();
        for (SimPod p : sim.pods()) {
            pods.put("pod/" + p.workload().namespace() + "/" + p.name(), DemoObjects.pod(p));
        }
        sync(
                "pod/",
                pods,
                r -> client.pods().inNamespace(r.getMetadata().getNamespace()).resource((Pod) r),
                key -> {
                    String[] nsName = key.split("/", 2);
                    return client.pods().inNamespace(nsName[0]).withName(nsName[1]);
                });
    }

    /** Claims the simulation dropped: Karpenter removes its finalizer and the API server deletes them. */
    private void finishTerminated(Set<String> live) {
        for (String key : List.copyOf(written.keySet())) {
            if (!key.startsWith("nodeclaim/") || live.contains(key.substring("nodeclaim/".length()))) {
                continue;
            }
            String name = key.substring("nodeclaim/".length());
            GenericKubernetesResource current = claims().withName(name).get();
            if (current != null) {
                current.getMetadata().setFinalizers(List.of());
                claims().resource(current).update();
            }
            written.remove(key);
            deleteIssued.remove(key);
        }
    }

    private void put(String key, HasMetadata desired, Function<HasMetadata, Resource<? extends HasMetadata>> op) {
        HasMetadata before = written.get(key);
        if (desired.equals(before)) {
            return;
        }
        if (before == null) {
            op.apply(desired).create();
        } else {
            op.apply(desired).update();
        }
        written.put(key, desired);
    }

    private void sync(
            String prefix,
            Map<String, HasMetadata> desired,
            Function<HasMetadata, Resource<? extends HasMetadata>> op,
            Function<String, Resource<? extends HasMetadata>> byName) {
        desired.forEach((k, v) -> put(k, v, op));
        for (String key : List.copyOf(written.keySet())) {
            if (key.startsWith(prefix) && !desired.containsKey(key)) {
                byName.apply(key.substring(prefix.length())).delete();
                written.remove(key);
            }
        }
    }

    private NonNamespaceOperation<
                    GenericKubernetesResource,
                    io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
                    Resource<GenericKubernetesResource>>
            claims() {
        return client.genericKubernetesResources(InformerClusterWatch.NODECLAIMS);
    }
}
