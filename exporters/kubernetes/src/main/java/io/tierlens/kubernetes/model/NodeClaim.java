package io.tierlens.kubernetes.model;

import java.time.Instant;

/**
 * A Karpenter NodeClaim: one requested machine.
 *
 * @param uid Kubernetes uid, to recognise the same claim across events
 * @param shape from the claim's labels (set once it launched)
 */
public record NodeClaim(
        String name, String uid, String nodePool, InstanceShape shape, Instant created, NodeClaimPhase phase) {}
