package io.tierlens.demo.karpenter;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.tierlens.kubernetes.discovery.WellKnownLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kubernetes objects of the simulated cluster, in the shapes Karpenter v1 and the kubelet write them. */
final class DemoObjects {
    static final String FINALIZER = "karpenter.sh/termination";

    private DemoObjects() {}

    static GenericKubernetesResource nodePool(
            SimPool pool, double cpuInUse, double memoryInUse, int nodes, boolean ready) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put(
                "template",
                Map.of(
                        "spec",
                        Map.of(
                                "nodeClassRef",
                                Map.of("group", "karpenter.k8s.aws", "kind", "EC2NodeClass", "name", "default"),
                                "expireAfter",
                                "720h",
                                "requirements",
                                List.of(Map.of(
                                        "key",
                                        WellKnownLabels.CAPACITY_TYPE,
                                        "operator",
                                        "In",
                                        "values",
                                        List.of(pool.capacityType()))))));
        spec.put("disruption", Map.of("consolidationPolicy", "WhenEmptyOrUnderutilized", "consolidateAfter", "1m"));
        spec.put("limits", Map.of("cpu", fmt(pool.cpuLimit()), "memory", (long) pool.memoryLimitGi() + "Gi"));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put(
                "resources",
                Map.of("cpu", fmt(cpuInUse), "memory", (long) memoryInUse + "Gi", "nodes", String.valueOf(nodes)));
        status.put("nodes", nodes);
        status.put("conditions", List.of(condition("Ready", ready, ready ? "Ready" : "NodeClassNotReady")));
        GenericKubernetesResource r = generic("NodePool", pool.name());
        r.setAdditionalProperty("spec", spec);
        r.setAdditionalProperty("status", status);
        return r;
    }

    static GenericKubernetesResource nodeClaim(SimClaim c, boolean launched, boolean registered, boolean initialized) {
        GenericKubernetesResource r = generic("NodeClaim", c.name());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(WellKnownLabels.NODEPOOL, c.pool().name());
        if (launched) {
            labels.put(WellKnownLabels.CAPACITY_TYPE, c.pool().capacityType());
            labels.put(WellKnownLabels.INSTANCE_TYPE, c.pool().instanceType());
            labels.put(WellKnownLabels.ZONE, c.zone());
        }
        r.getMetadata().setLabels(labels);
        r.getMetadata().setFinalizers(List.of(FINALIZER));
        r.setAdditionalProperty(
                "spec",
                Map.of(
                        "nodeClassRef",
                        Map.of("group", "karpenter.k8s.aws", "kind", "EC2NodeClass", "name", "default"),
                        "expireAfter",
                        "720h"));
        List<Map<String, Object>> conditions = new ArrayList<>();
        conditions.add(condition("Launched", launched, launched ? "Launched" : "NotLaunched"));
        conditions.add(condition("Registered", registered, registered ? "Registered" : "AwaitingRegistration"));
        conditions.add(condition("Initialized", initialized, initialized ? "Initialized" : "NotInitialized"));
        conditions.add(condition("Ready", initialized, initialized ? "Ready" : "NotReady"));
        c.disruptionReason().ifPresent(reason -> conditions.add(condition("DisruptionReason", true, reason)));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("conditions", conditions);
        if (registered) {
            status.put("nodeName", c.nodeName());
            status.put(
                    "providerID",
                    "aws:///" + c.zone() + "/i-0" + Integer.toHexString(c.name().hashCode()));
        }
        status.put(
                "capacity",
                Map.of("cpu", fmt(c.pool().nodeCpu()), "memory", (long) c.pool().nodeMemoryGi() + "Gi", "pods", "29"));
        r.setAdditionalProperty("status", status);
        return r;
    }

    static Node node(SimClaim c, boolean ready, boolean disrupted) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(WellKnownLabels.NODEPOOL, c.pool().name());
        labels.put(WellKnownLabels.CAPACITY_TYPE, c.pool().capacityType());
        labels.put(WellKnownLabels.INSTANCE_TYPE, c.pool().instanceType());
        labels.put(WellKnownLabels.ZONE, c.zone());
        labels.put("kubernetes.io/hostname", c.nodeName());
        labels.put("karpenter.sh/registered", "true");
        return new NodeBuilder()
                .withNewMetadata()
                .withName(c.nodeName())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withProviderID("aws:///" + c.zone() + "/i-0"
                        + Integer.toHexString(c.name().hashCode()))
                .withTaints(
                        disrupted
                                ? List.of(new io.fabric8.kubernetes.api.model.Taint(
                                        "NoSchedule", "karpenter.sh/disrupted", null, null))
                                : List.of())
                .endSpec()
                .withNewStatus()
                .addToAllocatable("cpu", new Quantity(fmt(c.pool().allocatableCpu())))
                .addToAllocatable("memory", new Quantity((long) (c.pool().allocatableMemoryGi() * 1024) + "Mi"))
                .addToAllocatable("pods", new Quantity("29"))
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .withReason(ready ? "KubeletReady" : "KubeletNotReady")
                .endCondition()
                .endStatus()
                .build();
    }

    static Pod pod(SimPod p) {
        boolean bound = p.node() != null;
        return new PodBuilder()
                .withNewMetadata()
                .withName(p.name())
                .withNamespace(p.workload().namespace())
                .addToLabels("app", p.workload().name())
                .endMetadata()
                .withNewSpec()
                .withNodeName(p.node())
                .addNewContainer()
                .withName(p.workload().name())
                .withImage(p.workload().image())
                .withNewResources()
                .addToRequests("cpu", new Quantity((long) (p.workload().cpu() * 1000) + "m"))
                .addToRequests("memory", new Quantity((long) (p.workload().memoryGi() * 1024) + "Mi"))
                .endResources()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase(bound ? "Running" : "Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus(bound ? "True" : "False")
                .withReason(bound ? null : "Unschedulable")
                .withMessage(bound ? null : "0/3 nodes are available: Insufficient cpu.")
                .endCondition()
                .endStatus()
                .build();
    }

    private static GenericKubernetesResource generic(String kind, String name) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion("karpenter.sh/v1");
        r.setKind(kind);
        r.setMetadata(new ObjectMetaBuilder().withName(name).build());
        return r;
    }

    private static Map<String, Object> condition(String type, boolean status, String reason) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("status", status ? "True" : "False");
        c.put("reason", reason);
        return c;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : (long) (v * 1000) + "m";
    }
}
