package io.tierlens.kubernetes.model;

import java.util.List;

/**
 * Which {@code karpenter.sh} API versions the cluster serves. tierlens reads {@code v1} (Karpenter 1.0 and
 * later); older versions are reported, not read.
 *
 * @param served versions of the {@code karpenter.sh} group, empty when Karpenter is not installed
 */
public record KarpenterApi(List<String> served) {
    public static final String READ_VERSION = "v1";
    public static final KarpenterApi NOT_INSTALLED = new KarpenterApi(List.of());

    public KarpenterApi {
        served = List.copyOf(served);
    }

    public boolean v1() {
        return served.contains(READ_VERSION);
    }

    public boolean installed() {
        return !served.isEmpty();
    }
}
