package io.tierlens.demo.karpenter;

/** A simulated NodePool and the one instance type it launches. */
record SimPool(
        String name,
        String capacityType,
        String instanceType,
        double nodeCpu,
        double nodeMemoryGi,
        double cpuLimit,
        double memoryLimitGi,
        int minNodes) {

    /** What the kubelet leaves for pods after its reservations (the EKS AMI's formula, roughly). */
    double allocatableCpu() {
        return nodeCpu - 0.07;
    }

    double allocatableMemoryGi() {
        return nodeMemoryGi * 0.88 - 0.1;
    }
}
