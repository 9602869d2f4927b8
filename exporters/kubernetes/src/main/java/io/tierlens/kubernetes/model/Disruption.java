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

    public Disruption {
        replacements = List.copyOf(replacements);
    }

    /** Karpenter removed the node to save money (it was empty or underused). */
    public boolean consolidation() {
        return reason.equals("underutilized") || reason.equals("empty") || reason.equals("consolidation");
    }
}
