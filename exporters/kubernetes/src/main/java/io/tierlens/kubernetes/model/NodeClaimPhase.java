package io.tierlens.kubernetes.model;

/**
 * Where a NodeClaim is in its life, the furthest stage its conditions show. Exclusive, so the phases of a
 * NodePool add up to its NodeClaims. {@link #PENDING} (not launched yet) is a tierlens addition to the
 * phases METRICS.md lists.
 */
public enum NodeClaimPhase {
    PENDING("pending"),
    LAUNCHED("launched"),
    REGISTERED("registered"),
    INITIALIZED("initialized"),
    DRIFTED("drifted"),
    DISRUPTING("disrupting");

    private final String label;

    NodeClaimPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Not yet able to run pods (and not on its way out). */
    public boolean unready() {
        return this == PENDING || this == LAUNCHED || this == REGISTERED;
    }
}
