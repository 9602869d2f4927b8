package io.tierlens.kubernetes.model;

import java.time.Instant;

/**
 * A Kubernetes node.
 *
 * @param nodePool the {@code karpenter.sh/nodepool} label, "" for nodes Karpenter does not manage
 * @param allocatable {@code status.allocatable}
 */
public record ClusterNode(
        String name,
        String nodePool,
        InstanceShape shape,
        ResourceAmounts allocatable,
        boolean ready,
        Instant created) {}
