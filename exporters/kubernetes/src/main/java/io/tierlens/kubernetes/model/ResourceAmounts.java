package io.tierlens.kubernetes.model;

/**
 * CPU in cores, memory in bytes and a pod count: what a node offers (allocatable) or what pods ask for
 * (requests).
 */
public record ResourceAmounts(double cpuCores, double memoryBytes, double pods) {
    public static final ResourceAmounts ZERO = new ResourceAmounts(0, 0, 0);

    public ResourceAmounts plus(ResourceAmounts o) {
        return new ResourceAmounts(cpuCores + o.cpuCores, memoryBytes + o.memoryBytes, pods + o.pods);
    }

    /** The value of one dimension; {@link Resource#NODES} is not a per-node amount and reads 0. */
    public double get(Resource r) {
        return switch (r) {
            case CPU -> cpuCores;
            case MEMORY -> memoryBytes;
            case PODS -> pods;
            case NODES -> 0;
        };
    }
}
