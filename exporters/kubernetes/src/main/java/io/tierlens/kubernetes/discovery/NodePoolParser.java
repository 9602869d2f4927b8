package io.tierlens.kubernetes.discovery;

import static io.tierlens.kubernetes.discovery.ObjectFields.at;
import static io.tierlens.kubernetes.discovery.ObjectFields.map;
import static io.tierlens.kubernetes.discovery.ObjectFields.quantity;
import static io.tierlens.kubernetes.discovery.ObjectFields.text;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.tierlens.kubernetes.model.NodePool;
import io.tierlens.kubernetes.model.Resource;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads a {@code karpenter.sh/v1} NodePool. Only fields present in every v1 release (1.0 to 1.14) are
 * required; {@code status.nodes} (added later) is used when present.
 */
public final class NodePoolParser {
    private NodePoolParser() {}

    public static NodePool parse(GenericKubernetesResource r) {
        Map<String, Object> o = r.getAdditionalProperties();
        Map<String, Object> ref = map(at(o, "spec", "template", "spec", "nodeClassRef"));
        String nodeClass = ref.isEmpty() ? "" : text(ref.get("kind")) + "/" + text(ref.get("name"));
        Map<Resource, Double> usage = resources(map(at(o, "status", "resources")));
        quantity(at(o, "status", "nodes")).ifPresent(n -> usage.put(Resource.NODES, n));
        return new NodePool(
                r.getMetadata().getName(),
                text(at(o, "spec", "disruption", "consolidationPolicy")),
                nodeClass,
                resources(map(at(o, "spec", "limits"))),
                usage,
                ObjectFields.condition(at(o, "status", "conditions"), "Ready"));
    }

    /** cpu, memory, pods and nodes of a resource list; other resources (GPUs, storage) are not reported. */
    static Map<Resource, Double> resources(Map<String, Object> list) {
        Map<Resource, Double> out = new EnumMap<>(Resource.class);
        quantity(list.get("cpu")).ifPresent(v -> out.put(Resource.CPU, v));
        quantity(list.get("memory")).ifPresent(v -> out.put(Resource.MEMORY, v));
        quantity(list.get("pods")).ifPresent(v -> out.put(Resource.PODS, v));
        quantity(list.get("nodes")).ifPresent(v -> out.put(Resource.NODES, v));
        return out;
    }
}
