package io.tierlens.contract.e2e;

import io.tierlens.contract.e2e.PhaseTable.AlertRow;
import io.tierlens.contract.e2e.PhaseTable.PanelRow;
import io.tierlens.demo.Scenario;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Asks Prometheus every {@link #POLL} in the background for the panel queries of the {@link PhaseTable} and for the
 * alerts that fire, and remembers every answer with the moment and the test's stage ({@code scenario},
 * {@code was-down}, {@code blind}, {@code tierlens-stopped}). At {@code --speed 30} a phase lasts seconds, so the
 * values must be caught while they are there; the IT judges them afterwards against the table.
 */
final class PhaseObserver implements AutoCloseable {
    static final Duration POLL = Duration.ofSeconds(2);

    /** One answer: when (real instant), in which stage, the series of one query (or why there were none). */
    record Observation(Instant at, String stage, String where, List<PrometheusApi.Sample> samples, String error) {}

    /** The alerts firing at one poll. */
    record Firing(Instant at, String stage, Set<String> alerts) {}

    private final PrometheusApi prometheus;
    private final Map<String, String> exprByWhere;
    private final List<Observation> observations = new CopyOnWriteArrayList<>();
    private final List<Firing> firing = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> stageStarts = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile String stage;
    private volatile boolean running = true;

    PhaseObserver(PrometheusApi prometheus, Map<String, String> exprByWhere, String firstStage) {
        this.prometheus = prometheus;
        this.exprByWhere = Map.copyOf(exprByWhere);
        stage(firstStage);
        this.thread = new Thread(this::run, "phase-observer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void stage(String name) {
        stageStarts.putIfAbsent(name, Instant.now());
        stage = name;
    }

    Optional<Instant> stageStart(String name) {
        return Optional.ofNullable(stageStarts.get(name));
    }

    private void run() {
        while (running) {
            String s = stage;
            for (Map.Entry<String, String> e : exprByWhere.entrySet()) {
                Instant at = Instant.now();
                try {
                    observations.add(new Observation(at, s, e.getKey(), prometheus.samples(e.getValue()), null));
                } catch (IOException ex) {
                    observations.add(new Observation(at, s, e.getKey(), List.of(), ex.getMessage()));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                Set<String> names = new TreeSet<>();
                for (PrometheusApi.Alert a : prometheus.alerts()) {
                    if (a.state().equals("firing")) {
                        names.add(a.name());
                    }
                }
                firing.add(new Firing(Instant.now(), s, names));
                Thread.sleep(POLL.toMillis());
            } catch (IOException ex) {
                // Prometheus busy: the next poll asks again; a missing observation shows as too few in the report
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    List<Observation> observations() {
        return List.copyOf(observations);
    }

    List<Firing> firing() {
        return List.copyOf(firing);
    }

    /**
     * The mismatches of {@code row} over the observations of its phase, or a complaint that the phase was never
     * observed. {@code qualifies} selects the observations the row judges (by stage, time, cycle position).
     */
    static List<String> judge(
            PanelRow row,
            Collection<Observation> observations,
            Scenario scenario,
            java.util.function.Predicate<Observation> qualifies) {
        List<String> out = new ArrayList<>();
        int judged = 0;
        for (Observation o : observations) {
            if (!o.where().equals(row.where()) || !qualifies.test(o)) {
                continue;
            }
            judged++;
            String at = "+" + Duration.between(scenario.realStart(), o.at()).toMillis() / 1000.0 + " s (cycle minute "
                    + String.format("%.1f", cycleMinute(scenario, o.at())) + ")";
            if (o.error() != null) {
                out.add(at + ": query failed: " + o.error());
            } else {
                row.expected().mismatch(o.samples()).ifPresent(m -> out.add(at + ": " + m));
            }
        }
        if (judged == 0) {
            out.add("never observed in this phase");
        }
        return out;
    }

    static double cycleMinute(Scenario scenario, Instant at) {
        return scenario.inCycle(at).toMillis() / 60_000.0;
    }

    /** The alerts that fired at some poll of {@code stage}, from {@code from} on. */
    Set<String> firedIn(String stage, Instant from) {
        Set<String> out = new TreeSet<>();
        for (Firing f : firing) {
            if (f.stage().equals(stage) && !f.at().isBefore(from)) {
                out.addAll(f.alerts());
            }
        }
        return out;
    }

    /**
     * The alerts of the rows whose phase the scenario stage covers (cycle windows, history, averaged, all): the
     * required ones, or with {@code optional} the ones marked as allowed to fire.
     */
    static Set<String> scenarioAlerts(List<AlertRow> rows, boolean optional) {
        Set<String> out = new TreeSet<>();
        for (AlertRow r : rows) {
            if (r.when().isWindow()
                    || Set.of("history", "averaged", "all").contains(r.when().name())) {
                out.addAll(optional ? r.optional() : r.alerts());
            }
        }
        return out;
    }

    /** When each alert first fired in {@code stage}, after {@code origin}. */
    Map<String, Duration> firstFiring(String stage, Instant origin) {
        Map<String, Duration> out = new java.util.TreeMap<>();
        for (Firing f : firing) {
            if (f.stage().equals(stage)) {
                f.alerts().forEach(a -> out.putIfAbsent(a, Duration.between(origin, f.at())));
            }
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
