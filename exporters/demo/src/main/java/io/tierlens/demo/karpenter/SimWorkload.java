package io.tierlens.demo.karpenter;

/**
 * A simulated Deployment: its pods go to one NodePool; replicas follow traffic.
 *
 * @param baseReplicas replicas at no traffic
 * @param trafficReplicas replicas added at full traffic
 */
record SimWorkload(
        String name,
        String namespace,
        String image,
        SimPool pool,
        double cpu,
        double memoryGi,
        int baseReplicas,
        int trafficReplicas) {

    int replicas(double traffic) {
        return baseReplicas + (int) Math.round(trafficReplicas * traffic);
    }

    /** Pods of this workload one node of its pool holds. */
    int podsPerNode() {
        return (int) Math.max(1, Math.min(pool.allocatableCpu() / cpu, pool.allocatableMemoryGi() / memoryGi));
    }
}
