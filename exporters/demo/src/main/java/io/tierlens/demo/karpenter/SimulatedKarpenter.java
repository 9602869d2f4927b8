package io.tierlens.demo.karpenter;

import io.tierlens.demo.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small Karpenter and scheduler for the demo, in scenario time: Deployments scale with traffic, pods that fit
 * nowhere stay Pending (unschedulable) until a NodeClaim launched for them initializes, empty and underused
 * nodes are consolidated after a minute, and at minute 17 of every cycle a spot node of "web" is interrupted.
 * Pure state; {@link ClusterWriter} puts it into the API server.
 */
final class SimulatedKarpenter {
    static final List<String> ZONES = List.of("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c");
    static final Duration INTERRUPTION_AT = Duration.ofMinutes(17);
    static final Duration CONSOLIDATE_AFTER = Duration.ofSeconds(60);
    /** A node using at most this share of its CPU is a consolidation candidate if the others can take its pods. */
    static final double UNDERUTILIZED = 0.35;

    static final SimPool DEFAULT = new SimPool("default", "on-demand", "m6i.large", 2, 8, 16, 64, 2);
    static final SimPool WEB = new SimPool("web", "spot", "c6i.large", 2, 4, 40, 80, 1);
    static final SimPool WAS = new SimPool("was", "on-demand", "m6i.xlarge", 4, 16, 48, 192, 1);
    static final List<SimPool> POOLS = List.of(DEFAULT, WEB, WAS);
    static final List<SimWorkload> WORKLOADS = List.of(
            new SimWorkload("coredns", "kube-system", "coredns:1.11", DEFAULT, 0.1, 0.07, 2, 0),
            new SimWorkload("karpenter", "kube-system", "karpenter:1.4", DEFAULT, 0.5, 1, 2, 0),
            new SimWorkload("tierlens", "monitoring", "tierlens:0.1", DEFAULT, 0.25, 0.5, 1, 0),
            new SimWorkload("nginx", "web", "nginx:1.27", WEB, 0.5, 0.5, 3, 12),
            new SimWorkload("app", "was", "app:2.3", WAS, 1, 2, 2, 8));

    private final List<SimClaim> claims = new ArrayList<>();
    private final List<SimPod> pods = new ArrayList<>();
    private int claimSeq;
    private int podSeq;
    private long interruptedCycle = -1;

    List<SimClaim> claims() {
        return List.copyOf(claims);
    }

    List<SimPod> pods() {
        return List.copyOf(pods);
    }

    void step(Duration t, double traffic) {
        removeTerminated(t);
        interrupt(t);
        scale(traffic);
        schedule(t);
        provision(t);
        consolidate(t);
    }

    private void removeTerminated(Duration t) {
        for (SimClaim c : List.copyOf(claims)) {
            if (c.terminated(t)) {
                claims.remove(c);
                unbindFrom(c);
            }
        }
    }

    private void interrupt(Duration t) {
        long cycle = t.toMillis() / Scenario.CYCLE.toMillis();
        Duration inCycle = Duration.ofMillis(t.toMillis() % Scenario.CYCLE.toMillis());
        if (cycle == interruptedCycle || inCycle.compareTo(INTERRUPTION_AT) < 0) {
            return;
        }
        interruptedCycle = cycle;
        // Karpenter's interruption controller deletes the claim on the two-minute warning and records no reason.
        live(WEB, c -> c.schedulable(t)).stream()
                .max(Comparator.comparing(SimClaim::name))
                .ifPresent(c -> remove(c, t, Optional.empty()));
    }

    private void scale(double traffic) {
        for (SimWorkload w : WORKLOADS) {
            List<SimPod> mine =
                    new ArrayList<>(pods.stream().filter(p -> p.workload() == w).toList());
            int want = w.replicas(traffic);
            while (mine.size() < want) {
                SimPod p = new SimPod(w.name() + "-" + Integer.toString(36 * 36 + podSeq++, 36), w);
                mine.add(p);
                pods.add(p);
            }
            // like a ReplicaSet: pending pods go first, then the newest
            mine.sort(Comparator.comparing((SimPod p) -> p.node() != null).thenComparing(SimPod::name));
            for (int i = 0; i < mine.size() - want; i++) {
                pods.remove(mine.get(i));
            }
        }
    }

    private void schedule(Duration t) {
        for (SimPod p : pods) {
            if (p.node() != null) {
                continue;
            }
            SimWorkload w = p.workload();
            live(w.pool(), c -> c.schedulable(t)).stream()
                    .filter(c -> cpuUsed(c) + w.cpu() <= c.pool().allocatableCpu() + 1e-9
                            && memoryUsed(c) + w.memoryGi() <= c.pool().allocatableMemoryGi() + 1e-9)
                    .findFirst()
                    .ifPresent(c -> p.bind(c.nodeName()));
        }
    }

    private void provision(Duration t) {
        for (SimPool pool : POOLS) {
            double cpuShort = -live(pool, c -> !c.initialized(t)).size() * pool.allocatableCpu();
            double memShort = -live(pool, c -> !c.initialized(t)).size() * pool.allocatableMemoryGi();
            for (SimPod p : pods) {
                if (p.node() == null && p.workload().pool() == pool) {
                    cpuShort += p.workload().cpu();
                    memShort += p.workload().memoryGi();
                }
            }
            int wanted =
                    (int) Math.ceil(Math.max(cpuShort / pool.allocatableCpu(), memShort / pool.allocatableMemoryGi()));
            wanted = Math.max(wanted, pool.minNodes() - live(pool, c -> true).size());
            int room = (int) ((pool.cpuLimit() - live(pool, c -> true).size() * pool.nodeCpu()) / pool.nodeCpu());
            for (int i = 0; i < Math.min(wanted, room); i++) {
                int n = claimSeq++;
                String name = pool.name() + "-" + Integer.toString(36 * 36 * 36 + n * 7919 % 40000, 36);
                String zone = ZONES.get(n % ZONES.size());
                String node = "ip-10-0-" + (n / 200 % 250) + "-" + (10 + n % 200) + ".ap-northeast-2.compute.internal";
                claims.add(new SimClaim(name, pool, zone, node, t));
            }
        }
    }

    private void consolidate(Duration t) {
        for (SimPool pool : POOLS) {
            boolean pending =
                    pods.stream().anyMatch(p -> p.node() == null && p.workload().pool() == pool);
            List<SimClaim> ready = live(pool, c -> c.schedulable(t));
            SimClaim chosen = null;
            for (SimClaim c : ready) {
                double used = cpuUsed(c);
                double othersFree = ready.stream()
                        .filter(o -> o != c)
                        .mapToDouble(o -> o.pool().allocatableCpu() - cpuUsed(o))
                        .sum();
                boolean candidate = !pending
                        && ready.size() > pool.minNodes()
                        && used <= UNDERUTILIZED * pool.allocatableCpu()
                        && used <= othersFree;
                c.candidate(t, candidate);
                if (candidate
                        && chosen == null
                        && !t.minus(c.candidateSince()).minus(CONSOLIDATE_AFTER).isNegative()) {
                    chosen = c;
                }
            }
            if (chosen != null) {
                remove(chosen, t, Optional.of(cpuUsed(chosen) == 0 ? "Empty" : "Underutilized"));
            }
        }
    }

    /** Starts a claim's termination: it is tainted, its pods are evicted (and come back pending). */
    private void remove(SimClaim c, Duration t, Optional<String> reason) {
        c.delete(t, reason);
        unbindFrom(c);
    }

    private void unbindFrom(SimClaim c) {
        for (SimPod p : pods) {
            if (c.nodeName().equals(p.node())) {
                p.bind(null);
            }
        }
    }

    private List<SimClaim> live(SimPool pool, Predicate<SimClaim> filter) {
        return claims.stream()
                .filter(c -> c.pool() == pool && !c.deleting())
                .filter(filter)
                .toList();
    }

    private double cpuUsed(SimClaim c) {
        return pods.stream()
                .filter(p -> c.nodeName().equals(p.node()))
                .mapToDouble(p -> p.workload().cpu())
                .sum();
    }

    private double memoryUsed(SimClaim c) {
        return pods.stream()
                .filter(p -> c.nodeName().equals(p.node()))
                .mapToDouble(p -> p.workload().memoryGi())
                .sum();
    }

    /** Resources the claims of a pool hold (launching ones included, as Karpenter counts them). */
    Map<String, Double> poolUsage(SimPool pool) {
        List<SimClaim> mine = claims.stream().filter(c -> c.pool() == pool).toList();
        return Map.of(
                "cpu", mine.size() * pool.nodeCpu(),
                "memory", mine.size() * pool.nodeMemoryGi(),
                "nodes", (double) mine.size());
    }
}
