package io.tierlens.kubernetes.model;

import java.time.Instant;
import java.util.List;

/**
 * One NodeClaim Karpenter (or someone) started to remove, seen through the watch.
 *
 * @param sequence increases by one per disruption, so readers can take only what is new since they last looked
 * @param reason bounded, see {@code docs/exporters/karpenter.md}
 * @param removed what was removed
 * @param replacements NodeClaims of the same NodePool that were launched shortly before and look like the
 *     replacement of a consolidation (empty for other reasons)
 */
public record Disruption(
        long sequence,
        String nodePool,
        String reason,
        InstanceShape removed,
        List<InstanceShape> replacements,
        Instant at) {

    /**
     * The reasons known up front (see {@code DisruptionReasons}): the counter has a series at 0 for each of them per
     * NodePool as soon as the NodePool is seen. Others Karpenter may record (e.g. {@code spot_interruption}) appear
     * with their first disruption.
     */
    public static final List<String> KNOWN_REASONS =
            List.of("underutilized", "empty", "drifted", "expired", "never_initialized", "other");

    public Disruption {
        replacements = List.copyOf(replacements);
    }

    /** Karpenter removed the node to save money (it was empty or underused). */
    public boolean consolidation() {
        return reason.equals("underutilized") || reason.equals("empty") || reason.equals("consolidation");
    }
}
