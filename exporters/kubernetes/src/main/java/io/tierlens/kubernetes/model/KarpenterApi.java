package io.tierlens.kubernetes.model;

import java.util.List;

/**
 * Which {@code karpenter.sh} API versions the cluster serves, and whether tierlens may read them. tierlens reads
 * {@code v1} (Karpenter 1.0 and later); older versions are reported, not read. A cluster that serves v1 to a
 * ServiceAccount whose RBAC lacks {@code karpenter.sh} is reported the same way: node and pending-pod data
 * continue without NodePools and NodeClaims.
 *
 * @param served versions of the {@code karpenter.sh} group, empty when Karpenter is not installed
 * @param accessDenied the API server answered 403 to listing NodePools or NodeClaims
 */
public record KarpenterApi(List<String> served, boolean accessDenied) {
    public static final String READ_VERSION = "v1";
    public static final KarpenterApi NOT_INSTALLED = new KarpenterApi(List.of());

    public KarpenterApi {
        served = List.copyOf(served);
    }

    /** Versions discovery reported, readable as far as is known. */
    public KarpenterApi(List<String> served) {
        this(served, false);
    }

    /** The same versions, read-forbidden (RBAC without {@code karpenter.sh}). */
    public KarpenterApi denied() {
        return new KarpenterApi(served, true);
    }

    /** The cluster serves {@code karpenter.sh/v1}, whether or not tierlens may read it. */
    public boolean v1() {
        return served.contains(READ_VERSION);
    }

    /** NodePools and NodeClaims are read: v1 is served and RBAC lets tierlens list and watch it. */
    public boolean readable() {
        return v1() && !accessDenied;
    }

    public boolean installed() {
        return !served.isEmpty();
    }
}
