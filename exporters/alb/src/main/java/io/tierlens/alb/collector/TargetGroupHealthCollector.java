package io.tierlens.alb.collector;

import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code tierlens_alb_target_health}: how many targets of a target group are in each (state, reason), from
 * DescribeTargetHealth. Counts, never target ids, so the series stay bounded by the ELB reason codes.
 */
final class TargetGroupHealthCollector {
    static final String TARGET_HEALTH = "tierlens_alb_target_health";
    static final String HEALTHY = "healthy";

    void addTo(
            SnapshotAssembler out,
            String account,
            String region,
            AlbInventory inventory,
            Map<String, List<TargetHealth>> targetHealth) {
        for (AlbInventory.Route r : inventory.routes()) {
            List<TargetHealth> targets = targetHealth.get(r.targetGroup().arn());
            if (targets == null) {
                continue;
            }
            for (Map.Entry<StateReason, Integer> e : count(targets).entrySet()) {
                out.gauge(
                                TARGET_HEALTH,
                                "Registered targets per health state and reason code (DescribeTargetHealth); the"
                                        + " healthy count is always present, 0 included.",
                                "account_id",
                                "region",
                                "load_balancer",
                                "target_group",
                                "state",
                                "reason")
                        .add(
                                e.getValue(),
                                account,
                                region,
                                r.loadBalancer().name(),
                                r.targetGroup().name(),
                                e.getKey().state(),
                                e.getKey().reason());
            }
        }
    }

    /**
     * Targets per (state, reason). {@code healthy/""} is always there, so "no healthy target" is a value (0)
     * rather than a missing series that alerts would have to guess about.
     */
    static Map<StateReason, Integer> count(List<TargetHealth> targets) {
        Map<StateReason, Integer> counts = new TreeMap<>();
        counts.put(new StateReason(HEALTHY, ""), 0);
        for (TargetHealth t : targets) {
            counts.merge(new StateReason(t.state(), t.reason()), 1, Integer::sum);
        }
        return counts;
    }

    record StateReason(String state, String reason) implements Comparable<StateReason> {
        @Override
        public int compareTo(StateReason o) {
            int c = state.compareTo(o.state);
            return c != 0 ? c : reason.compareTo(o.reason);
        }
    }
}
