package io.tierlens.karpenter.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tierlens.karpenter.Fixtures;
import io.tierlens.karpenter.client.InformerClusterWatch;
import io.tierlens.karpenter.collector.KarpenterCollector;
import io.tierlens.karpenter.demo.MockKubernetesApi;
import io.tierlens.karpenter.model.ClusterState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not assert) the watch at scale: {@code bench/karpenter/bench.sh} runs it and records the output
 * in bench/RESULTS.md. Not a unit test: its name keeps it out of the default surefire run.
 *
 * <p>Sizes come from {@code -Dbench.nodes} (2000) and {@code -Dbench.pods} (50000).
 */
class KarpenterScaleBench {

    @Test
    void measure() throws Exception {
        int nodes = Integer.getInteger("bench.nodes", 2000);
        int pods = Integer.getInteger("bench.pods", 50_000);
        long steadySeconds = Long.getLong("bench.steadySeconds", 60);
        try (MockKubernetesApi api = MockKubernetesApi.start(List.of("v1"));
                KubernetesClient client = api.client()) {
            long t0 = System.nanoTime();
            fill(client, nodes, pods);
            System.out.printf(
                    "filled mock API server: %d nodes, %d pods, %d nodeclaims in %.1f s%n",
                    nodes, pods, nodes, (System.nanoTime() - t0) / 1e9);
            long heapBefore = usedHeapAfterGc();
            try (InformerClusterWatch watch = new InformerClusterWatch(
                    api.provider(), Clock.systemUTC(), Duration.ofMinutes(10), Duration.ofSeconds(30))) {
                api.takeRequests();
                long s0 = System.nanoTime();
                ClusterState first = watch.snapshot();
                System.out.printf(
                        "initial sync: %.1f s, %d requests (%d nodes, %d pending pods seen)%n",
                        (System.nanoTime() - s0) / 1e9,
                        api.takeRequests().size(),
                        first.nodes().size(),
                        first.pendingPods().size());
                long heapAfter = usedHeapAfterGc();
                System.out.printf(
                        "heap held by the watch caches: %.1f MiB (used heap after GC %.1f -> %.1f MiB)%n",
                        (heapAfter - heapBefore) / 1048576.0, heapBefore / 1048576.0, heapAfter / 1048576.0);
                System.out.printf("process RSS (mock server included): %s%n", rss());
                int rounds = 20;
                long r0 = System.nanoTime();
                int series = 0;
                for (int i = 0; i < rounds; i++) {
                    series = KarpenterCollector.collect(watch.snapshot()).stream()
                            .mapToInt(s -> s.getDataPoints().size())
                            .sum();
                }
                System.out.printf(
                        "refresh (snapshot from caches + collector): %.1f ms average, %d series%n",
                        (System.nanoTime() - r0) / 1e6 / rounds, series);
                Thread.sleep(steadySeconds * 1000);
                watch.snapshot();
                List<String> steady = api.takeRequests();
                long lists = steady.stream()
                        .filter(r -> r.startsWith("GET ") && !r.contains("watch=true"))
                        .count();
                System.out.printf(
                        "steady state over %d s: %d requests (%d list calls) = %.1f requests/min%n",
                        steadySeconds, steady.size(), lists, steady.size() * 60.0 / steadySeconds);
            }
        }
    }

    private static void fill(KubernetesClient client, int nodes, int pods) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
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
