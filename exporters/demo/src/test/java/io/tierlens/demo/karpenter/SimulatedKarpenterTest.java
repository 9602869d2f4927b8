package io.tierlens.demo.karpenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedKarpenterTest {

    private static long pending(SimulatedKarpenter k) {
        return k.pods().stream().filter(p -> p.node() == null).count();
    }

    private static long live(SimulatedKarpenter k, SimPool pool) {
        return k.claims().stream()
                .filter(c -> c.pool() == pool && !c.deleting())
                .count();
    }

    @Test
    void podsWaitPendingWhileTheirNodesLaunchThenRun() {
        SimulatedKarpenter k = new SimulatedKarpenter();
        k.step(Duration.ZERO, 0.5);

        assertThat(pending(k)).isEqualTo(k.pods().size());
        assertThat(live(k, SimulatedKarpenter.WEB)).isGreaterThanOrEqualTo(1);

        for (int s = 5; s <= 60; s += 5) {
            k.step(Duration.ofSeconds(s), 0.5);
        }
        assertThat(pending(k)).isZero();
    }

    @Test
    void moreTrafficMeansMoreWebNodesAndLessMeansConsolidation() {
        SimulatedKarpenter k = new SimulatedKarpenter();
        Duration t = Duration.ZERO;
        for (; t.toMinutes() < 3; t = t.plusSeconds(5)) {
            k.step(t, 1.0);
        }
        long busy = live(k, SimulatedKarpenter.WEB);
        java.util.Set<String> reasons = new java.util.HashSet<>();
        for (; t.toMinutes() < 10; t = t.plusSeconds(5)) {
            k.step(t, 0.2);
            k.claims().forEach(c -> c.disruptionReason().ifPresent(reasons::add));
        }
        long quiet = live(k, SimulatedKarpenter.WEB);

        assertThat(busy).isGreaterThan(quiet);
        assertThat(reasons).isNotEmpty().isSubsetOf("Empty", "Underutilized");
        assertThat(quiet).isGreaterThanOrEqualTo(SimulatedKarpenter.WEB.minNodes());
    }

    @Test
    void aSpotNodeIsInterruptedAtMinute17WithoutAReason() {
        SimulatedKarpenter k = new SimulatedKarpenter();
        Duration t = Duration.ZERO;
        for (; t.compareTo(Duration.ofMinutes(17)) < 0; t = t.plusSeconds(5)) {
            k.step(t, 0.6);
        }
        assertThat(k.claims()).noneSatisfy(c -> {
            assertThat(c.deleting()).isTrue();
            assertThat(c.pool()).isEqualTo(SimulatedKarpenter.WEB);
            assertThat(c.disruptionReason()).isEmpty();
        });

        k.step(t, 0.6);

        assertThat(k.claims()).anySatisfy(c -> {
            assertThat(c.deleting()).isTrue();
            assertThat(c.pool()).isEqualTo(SimulatedKarpenter.WEB);
            assertThat(c.disruptionReason()).isEmpty();
        });
    }
}
