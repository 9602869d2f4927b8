package io.tierlens.demo.karpenter;

/** A simulated pod; {@code node} is null while it is pending. */
final class SimPod {
    private final String name;
    private final SimWorkload workload;
    private String node;

    SimPod(String name, SimWorkload workload) {
        this.name = name;
        this.workload = workload;
    }

    String name() {
        return name;
    }

    SimWorkload workload() {
        return workload;
    }

    String node() {
        return node;
    }

    void bind(String nodeName) {
        node = nodeName;
    }
}
