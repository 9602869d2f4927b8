package io.tierlens.contract.e2e;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls Prometheus' {@code /api/v1/alerts} in the background and remembers every alert that was pending or firing.
 * The demo's events come and go within a minute at {@code --speed 30} and an alert whose condition ends leaves the
 * list, so a single look at the end would miss them.
 */
final class AlertWatcher implements AutoCloseable {
    private static final Duration POLL = Duration.ofSeconds(2);

    /** First time an alert was seen pending, and firing, relative to the scenario start. */
    record Seen(Duration firstPending, Duration firstFiring, Map<String, String> labels) {
        boolean fired() {
            return firstFiring != null;
        }

        String describe() {
            return (firstPending == null ? "" : "pending at +" + firstPending.toSeconds() + " s")
                    + (firstPending != null && firstFiring != null ? ", " : "")
                    + (firstFiring == null ? "" : "firing at +" + firstFiring.toSeconds() + " s");
        }
    }

    private final PrometheusApi prometheus;
    private final Instant origin;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    AlertWatcher(PrometheusApi prometheus, Instant origin) {
        this.prometheus = prometheus;
        this.origin = origin;
        this.thread = new Thread(this::run, "alert-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (running) {
            try {
                List<PrometheusApi.Alert> active = prometheus.alerts();
                Duration at = Duration.between(origin, Instant.now());
                for (PrometheusApi.Alert a : active) {
                    seen.merge(
                            a.name(),
                            a.state().equals("firing")
                                    ? new Seen(null, at, a.labels())
                                    : new Seen(at, null, a.labels()),
                            (old, now) -> new Seen(
                                    old.firstPending() != null ? old.firstPending() : now.firstPending(),
                                    old.firstFiring() != null ? old.firstFiring() : now.firstFiring(),
                                    old.labels()));
                }
                lastError.set(null);
            } catch (IOException e) {
                // Prometheus busy or restarting its listener: the next poll retries; the error is reported if
                // an expected alert is then missing.
                lastError.set(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every alert seen so far, by name. */
    Map<String, Seen> seen() {
        return new TreeMap<>(seen);
    }

    String lastError() {
        return lastError.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
