package io.tierlens.kubernetes.client;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The pod informer's cache. A full Pod object carries env, volumes, probes and managed fields, and even an empty
 * fabric8 model object allocates a dozen empty collections; with tens of thousands of pods that would be most
 * of tierlens' heap. So each pod is reduced, when the watch delivers it, to its {@link PodSummary} (what a refresh
 * reads, computed once) and a stub Pod with only the metadata the informer itself uses (name, namespace, uid,
 * resource version).
 */
final class SlimPodStore implements ItemStore<Pod> {
    private record Entry(Pod pod, PodSummary summary) {}

    private final Map<String, Entry> pods = new ConcurrentHashMap<>();

    @Override
    public String getKey(Pod pod) {
        return Cache.metaNamespaceKeyFunc(pod);
    }

    @Override
    public Pod put(String key, Pod pod) {
        return pod(pods.put(key, new Entry(slim(pod), PodSummary.of(pod))));
    }

    @Override
    public Pod remove(String key) {
        return pod(pods.remove(key));
    }

    @Override
    public Stream<String> keySet() {
        return pods.keySet().stream();
    }

    @Override
    public Stream<Pod> values() {
        return pods.values().stream().map(Entry::pod);
    }

    /** What a refresh needs of every pod, already computed. */
    Stream<PodSummary> summaries() {
        return pods.values().stream().map(Entry::summary);
    }

    @Override
    public int size() {
        return pods.size();
    }

    @Override
    public Pod get(String key) {
        return pod(pods.get(key));
    }

    private static Pod pod(Entry e) {
        return e == null ? null : e.pod();
    }

    @Override
    public boolean isFullState() {
        // the stored objects are stubs; the informer must not hand them out as the previous state of a pod
        return false;
    }

    static Pod slim(Pod p) {
        ObjectMeta in = p.getMetadata();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(in.getName());
        meta.setNamespace(in.getNamespace());
        meta.setUid(in.getUid());
        meta.setResourceVersion(in.getResourceVersion());
        Pod out = new Pod();
        out.setMetadata(meta);
        return out;
    }
}
