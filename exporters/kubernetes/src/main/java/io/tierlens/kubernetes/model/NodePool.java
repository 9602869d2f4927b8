package io.tierlens.kubernetes.model;

import java.util.Map;
import java.util.Optional;

/**
 * A Karpenter NodePool ({@code karpenter.sh/v1}) as far as capacity planning cares.
 *
 * @param consolidationPolicy {@code spec.disruption.consolidationPolicy}, "" when unset
 * @param nodeClass {@code <kind>/<name>} of {@code spec.template.spec.nodeClassRef}, "" when unset
 * @param limits {@code spec.limits} by resource; absent resources are unlimited
 * @param usage {@code status.resources} (and {@code status.nodes}) by resource
 * @param ready the {@code Ready} condition, empty when the NodePool has none yet
 */
public record NodePool(
        String name,
        String consolidationPolicy,
        String nodeClass,
        Map<Resource, Double> limits,
        Map<Resource, Double> usage,
        Optional<Boolean> ready) {

    public NodePool {
        limits = Map.copyOf(limits);
        usage = Map.copyOf(usage);
    }
}
