package io.tierlens.demo.karpenter;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tierlens.demo.Scenario;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves the simulated cluster forward on its own thread, one step per tick of scenario time. */
final class ClusterSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterSimulator.class);
    /** About five scenario seconds per tick, but never faster than four ticks per real second. */
    private static final Duration SCENARIO_TICK = Duration.ofSeconds(5);

    private final Scenario scenario;
    private final KubernetesClient client;
    private final SimulatedKarpenter karpenter = new SimulatedKarpenter();
    private final ClusterWriter writer;
    private final ScheduledExecutorService thread;
    private String lastError = "";

    ClusterSimulator(Scenario scenario, KubernetesClient client) {
        this.scenario = scenario;
        this.client = client;
        this.writer = new ClusterWriter(client);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tierlens-demo-cluster");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the first step at once (so the cluster exists before any watch starts), then keeps ticking. */
    void start() {
        step();
        long periodMs = Math.max(250, Math.min(5000, (long) (SCENARIO_TICK.toMillis() / scenario.speed())));
        thread.scheduleAtFixedRate(this::step, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    private void step() {
        try {
            var now = scenario.realClock().instant();
            Duration t = scenario.elapsedAt(now);
            karpenter.step(t, scenario.traffic(now));
            writer.write(karpenter, t);
            lastError = "";
        } catch (RuntimeException e) {
            // one failed write must not stop the story; the next tick writes the whole state again
            String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!msg.equals(lastError)) {
                log.warn("demo cluster step failed: {}", msg);
                lastError = msg;
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
