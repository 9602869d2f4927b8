package io.tierlens.karpenter.client;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tierlens.karpenter.Fixtures;
import io.tierlens.karpenter.collector.KarpenterCollector;
import io.tierlens.karpenter.discovery.DisruptionTracker;
import io.tierlens.karpenter.model.ClusterState;
import io.tierlens.karpenter.model.KarpenterApi;
import io.tierlens.karpenter.testing.MockKubernetesApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not assert) the watch at scale; {@code bench/karpenter/bench.sh} runs it. Not a unit test: its
 * name keeps it out of the default surefire run.
 *
 * <ul>
 *   <li>{@link #apiServer}: the production watch against fabric8's mock API server holding {@code bench.apiNodes}
 *       nodes and NodeClaims and {@code bench.apiPods} pods: initial sync, requests in the steady state. The mock
 *       server stores objects in a list it scans on every write, so it is filled at a smaller size;
 *   <li>{@link #caches}: the same caches filled in memory with {@code bench.nodes} (2000) nodes and NodeClaims
 *       and {@code bench.pods} (50,000) pods: heap they hold, refresh time, process RSS.
 * </ul>
 */
class KarpenterScaleBench {

    @Test
    void apiServer() throws Exception {
        int nodes = Integer.getInteger("bench.apiNodes", 200);
        int pods = Integer.getInteger("bench.apiPods", 5000);
        long steadySeconds = Long.getLong("bench.steadySeconds", 60);
        try (MockKubernetesApi api = MockKubernetesApi.start(List.of("v1"));
                KubernetesClient client = api.client()) {
            long t0 = System.nanoTime();
            fill(client, nodes, pods);
            System.out.printf(
                    "api: filled the mock API server with %d nodes, %d nodeclaims, %d pods in %.1f s%n",
                    nodes, nodes, pods, (System.nanoTime() - t0) / 1e9);
            try (InformerClusterWatch watch = new InformerClusterWatch(
                    api.provider(), Clock.systemUTC(), Duration.ofMinutes(10), Duration.ofSeconds(30))) {
                api.takeRequests();
                long s0 = System.nanoTime();
                ClusterState first = watch.snapshot();
                System.out.printf(
                        "api: initial sync %.1f s, %d requests (4 lists + 4 watches + 1 discovery); %d nodes,"
                                + " %d pending pods%n",
                        (System.nanoTime() - s0) / 1e9,
                        api.takeRequests().size(),
                        first.nodes().size(),
                        first.pendingPods().size());
                long end = System.nanoTime() + steadySeconds * 1_000_000_000L;
                int refreshes = 0;
                while (System.nanoTime() < end) {
                    watch.snapshot();
                    refreshes++;
                    Thread.sleep(1000);
                }
                List<String> steady = api.takeRequests();
                long lists = steady.stream()
                        .filter(r -> r.startsWith("GET ") && !r.contains("watch=true"))
                        .count();
                System.out.printf(
                        "api: steady state %d s, %d refreshes: %d requests, %d list calls (%.1f requests/min)%n",
                        steadySeconds, refreshes, steady.size(), lists, steady.size() * 60.0 / steadySeconds);
            }
        }
    }

    @Test
    void caches() throws Exception {
        int nodes = Integer.getInteger("bench.nodes", 2000);
        int pods = Integer.getInteger("bench.pods", 50_000);
        long before = usedHeapAfterGc();
        List<Node> nodeCache = new ArrayList<>();
        List<GenericKubernetesResource> claimCache = new ArrayList<>();
        SlimPodStore podStore = new SlimPodStore();
        for (int i = 0; i < nodes; i++) {
            // a fresh deserialisation per object, as the watch delivers them: no shared substructures
            Node n = Fixtures.load("node-web.yaml", Node.class);
            n.getMetadata().setName("node-" + i);
            nodeCache.add(n);
            GenericKubernetesResource c = Fixtures.generic("nodeclaim-web-initialized.yaml");
            c.getMetadata().setName("web-" + i);
            c.getMetadata().setUid("uid-" + i);
            claimCache.add(c);
        }
        for (int i = 0; i < pods; i++) {
            Pod p = Fixtures.load(i % 100 == 0 ? "pod-pending.yaml" : "pod-running.yaml", Pod.class);
            p.getMetadata().setName("pod-" + i);
            p.getMetadata().setNamespace("ns-" + (i % 40));
            if (p.getSpec().getNodeName() != null) {
                p.getSpec().setNodeName("node-" + (i % nodes));
            }
            podStore.put(podStore.getKey(p), p);
        }
        long after = usedHeapAfterGc();
        System.out.printf(
                "caches: %d nodes + %d nodeclaims + %d pods (slim) hold %.1f MiB of heap%n",
                nodes, nodes, pods, (after - before) / 1048576.0);
        DisruptionTracker tracker = new DisruptionTracker(Clock.systemUTC());
        KarpenterApi v1 = new KarpenterApi(List.of("v1"));
        int series = 0;
        int warmup = 10;
        int rounds = 30;
        long t0 = 0;
        for (int i = 0; i < warmup + rounds; i++) {
            if (i == warmup) {
                t0 = System.nanoTime();
            }
            ClusterState s = ClusterStateBuilder.build(
                    Instant.now(), v1, List.of(), claimCache, nodeCache, podStore.summaries(), tracker);
            series = KarpenterCollector.collect(s).stream()
                    .mapToInt(f -> f.getDataPoints().size())
                    .sum();
        }
        System.out.printf(
                "caches: one refresh (snapshot from the caches + collector) %.1f ms on average, %d series%n",
                (System.nanoTime() - t0) / 1e6 / rounds, series);
        System.out.printf(
                "caches: process %s, max heap %d MiB%n",
                rss(), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void fill(KubernetesClient client, int nodes, int pods) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < nodes; i++) {
            int n = i;
            pool.submit(() -> {
                Node node = Fixtures.load("node-web.yaml", Node.class);
                node.getMetadata().setName("node-" + n);
                client.nodes().resource(node).create();
                GenericKubernetesResource claim = Fixtures.generic("nodeclaim-web-initialized.yaml");
                claim.getMetadata().setName("web-" + n);
                claim.getMetadata().setUid("uid-" + n);
                client.genericKubernetesResources(InformerClusterWatch.NODECLAIMS)
                        .resource(claim)
                        .create();
            });
        }
        for (int i = 0; i < pods; i++) {
            int n = i;
            pool.submit(() -> {
                Pod pod = Fixtures.load(n % 100 == 0 ? "pod-pending.yaml" : "pod-running.yaml", Pod.class);
                pod.getMetadata().setName("pod-" + n);
                pod.getMetadata().setNamespace("ns-" + (n % 40));
                if (pod.getSpec().getNodeName() != null) {
                    pod.getSpec().setNodeName("node-" + (n % nodes));
                }
                client.pods()
                        .inNamespace(pod.getMetadata().getNamespace())
                        .resource(pod)
                        .create();
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static String rss() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS"))
                .findFirst()
                .orElse("VmRSS unknown")
                .replaceAll("\\s+", " ");
    }
}
