package io.tierlens.kubernetes.discovery;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.Optional;

/**
 * Why a Pending pod is pending, from its {@code PodScheduled} condition: {@code unschedulable} (no node fits:
 * the capacity signal Karpenter acts on), {@code scheduling_gated}, {@code not_scheduled_yet} (the scheduler
 * has not looked yet), {@code starting} (bound to a node, containers not running yet) or {@code other}.
 */
public final class PendingReasons {
    private PendingReasons() {}

    /** The reason, or empty when the pod is not Pending. */
    public static Optional<String> of(Pod pod) {
        if (pod.getStatus() == null || !"Pending".equals(pod.getStatus().getPhase())) {
            return Optional.empty();
        }
        if (pod.getSpec() != null
                && pod.getSpec().getNodeName() != null
                && !pod.getSpec().getNodeName().isEmpty()) {
            return Optional.of("starting");
        }
        if (pod.getStatus().getConditions() != null) {
            for (PodCondition c : pod.getStatus().getConditions()) {
                if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                    return Optional.of(
                            switch (c.getReason() == null ? "" : c.getReason()) {
                                case "Unschedulable" -> "unschedulable";
                                case "SchedulingGated" -> "scheduling_gated";
                                default -> "other";
                            });
                }
            }
        }
        return Optional.of("not_scheduled_yet");
    }
}
