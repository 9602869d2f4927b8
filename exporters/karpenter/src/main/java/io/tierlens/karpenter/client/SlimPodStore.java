package io.tierlens.karpenter.client;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The pod informer's cache, keeping only what tierlens reads (name, namespace, creation time, node, phase,
 * requests, the PodScheduled condition). A full Pod object carries env, volumes, probes and managed fields;
 * with tens of thousands of pods that is most of the heap an informer would otherwise hold.
 */
final class SlimPodStore implements ItemStore<Pod> {
    private final Map<String, Pod> pods = new ConcurrentHashMap<>();

    @Override
    public String getKey(Pod pod) {
        return Cache.metaNamespaceKeyFunc(pod);
    }

    @Override
    public Pod put(String key, Pod pod) {
        return pods.put(key, slim(pod));
    }

    @Override
    public Pod remove(String key) {
        return pods.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return pods.keySet().stream();
    }

    @Override
    public Stream<Pod> values() {
        return pods.values().stream();
    }

    @Override
    public int size() {
        return pods.size();
    }

    @Override
    public Pod get(String key) {
        return pods.get(key);
    }

    static Pod slim(Pod p) {
        ObjectMeta in = p.getMetadata();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(in.getName());
        meta.setNamespace(in.getNamespace());
        meta.setUid(in.getUid());
        meta.setResourceVersion(in.getResourceVersion());
        meta.setCreationTimestamp(in.getCreationTimestamp());
        PodSpec spec = new PodSpec();
        if (p.getSpec() != null) {
            spec.setNodeName(p.getSpec().getNodeName());
            spec.setContainers(containers(p.getSpec().getContainers()));
            spec.setInitContainers(containers(p.getSpec().getInitContainers()));
            spec.setOverhead(p.getSpec().getOverhead());
        }
        PodStatus status = new PodStatus();
        if (p.getStatus() != null) {
            status.setPhase(p.getStatus().getPhase());
            if (p.getStatus().getConditions() != null) {
                List<PodCondition> scheduled = p.getStatus().getConditions().stream()
                        .filter(c -> "PodScheduled".equals(c.getType()))
                        .map(c -> {
                            PodCondition k = new PodCondition();
                            k.setType(c.getType());
                            k.setStatus(c.getStatus());
                            k.setReason(c.getReason());
                            return k;
                        })
                        .toList();
                status.setConditions(scheduled);
            }
        }
        Pod out = new Pod();
        out.setMetadata(meta);
        out.setSpec(spec);
        out.setStatus(status);
        return out;
    }

    private static List<Container> containers(List<Container> in) {
        if (in == null) {
            return List.of();
        }
        return in.stream()
                .map(c -> {
                    Container k = new Container();
                    k.setName(c.getName());
                    k.setRestartPolicy(c.getRestartPolicy());
                    if (c.getResources() != null && c.getResources().getRequests() != null) {
                        ResourceRequirements r = new ResourceRequirements();
                        r.setRequests(c.getResources().getRequests());
                        k.setResources(r);
                    }
                    return k;
                })
                .toList();
    }
}
