package io.tierlens.contract.e2e;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The blind phase of the end-to-end test (issue 12): the demo's AWS side and Redis are taken away through its fault
 * file, and brought back. Polls Prometheus and the demo once a second and records when each blind exporter was seen
 * with every target down, with {@link #ALERTS} firing, and back up with them inactive; the IT asserts on that.
 */
final class BlindPhase {
    /** The alerts of a blind exporter; the IT shortens their {@code for} to {@link #FOR}. */
    static final List<String> ALERTS = List.of("TierlensExporterDown", "TierlensExporterTargetDown");

    static final Duration FOR = Duration.ofSeconds(20);
    static final Duration POLL = Duration.ofSeconds(1);

    /** When things were first seen, from the moment the sources were taken away (down) or brought back (up). */
    record Timeline(
            Map<String, Duration> allTargetsDown,
            Map<String, Map<String, Duration>> firing,
            List<String> badResponses,
            Map<String, Duration> recovered) {}

    private final DemoProcess demo;
    private final PrometheusApi prometheus;
    private final Set<String> exporters;
    private final Consumer<String> log;

    BlindPhase(DemoProcess demo, PrometheusApi prometheus, Set<String> exporters, Consumer<String> log) {
        this.demo = demo;
        this.prometheus = prometheus;
        this.exporters = Set.copyOf(exporters);
        this.log = log;
    }

    /**
     * Takes AWS and Redis away until every exporter has every target down and both alerts firing (or {@code downFor}
     * passed), brings them back, and waits until every exporter has every target up and neither alert pending or
     * firing (or {@code upFor} passed).
     */
    Timeline run(Duration downFor, Duration upFor) throws IOException, InterruptedException {
        Map<String, Duration> down = new TreeMap<>();
        Map<String, Map<String, Duration>> firing = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        Instant takenAway = Instant.now();
        demo.takeAway("aws", "redis");
        log.accept("blind phase: AWS and Redis taken away for " + exporters);
        while (Duration.between(takenAway, Instant.now()).compareTo(downFor) < 0) {
            Duration at = Duration.between(takenAway, Instant.now());
            for (String path : List.of("/metrics", "/-/ready")) {
                int status = demo.status(path);
                if (status != 200) {
                    bad.add("GET " + path + " → " + status + " at +" + at.toMillis() + " ms");
                }
            }
            for (String e : exporters) {
                if (!down.containsKey(e) && holds("max(tierlens_target_up{exporter=\"" + e + "\"}) == 0")) {
                    down.put(e, at);
                    log.accept("blind phase: every " + e + " target down in Prometheus at +" + at.toSeconds() + " s");
                }
            }
            for (PrometheusApi.Alert a : prometheus.alerts()) {
                String e = a.labels().get("exporter");
                if (ALERTS.contains(a.name())
                        && exporters.contains(e)
                        && a.state().equals("firing")) {
                    firing.computeIfAbsent(e, x -> new TreeMap<>()).putIfAbsent(a.name(), at);
                }
            }
            if (down.size() == exporters.size()
                    && exporters.stream()
                            .allMatch(e -> firing.getOrDefault(e, Map.of()).size() == ALERTS.size())) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        log.accept("blind phase: all down at " + down + ", firing at " + firing);

        Map<String, Duration> recovered = new TreeMap<>();
        Instant broughtBack = Instant.now();
        demo.takeAway();
        log.accept("blind phase: AWS and Redis brought back");
        while (recovered.size() < exporters.size()
                && Duration.between(broughtBack, Instant.now()).compareTo(upFor) < 0) {
            Duration at = Duration.between(broughtBack, Instant.now());
            List<PrometheusApi.Alert> active = prometheus.alerts();
            for (String e : exporters) {
                boolean alerting = active.stream()
                        .anyMatch(a ->
                                ALERTS.contains(a.name()) && e.equals(a.labels().get("exporter")));
                if (!recovered.containsKey(e)
                        && !alerting
                        && holds("min(tierlens_target_up{exporter=\"" + e + "\"}) == 1")) {
                    recovered.put(e, at);
                    log.accept("blind phase: " + e + " up and its alerts inactive at +" + at.toSeconds() + " s");
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return new Timeline(down, firing, bad, recovered);
    }

    private boolean holds(String expr) throws IOException, InterruptedException {
        PrometheusApi.QueryResult r = prometheus.query(expr);
        if (r.failed()) {
            throw new IOException(expr + ": " + r.error());
        }
        return r.series() > 0;
    }
}
