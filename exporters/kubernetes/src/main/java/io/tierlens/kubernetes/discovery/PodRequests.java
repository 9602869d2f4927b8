package io.tierlens.kubernetes.discovery;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.util.List;
import java.util.Map;

/**
 * What a pod reserves on its node, the way the scheduler counts it: the larger of (app containers + sidecars)
 * and the largest ordinary init container, plus the pod overhead; and one pod slot.
 */
public final class PodRequests {
    private PodRequests() {}

    public static ResourceAmounts of(Pod pod) {
        PodSpec spec = pod.getSpec();
        if (spec == null) {
            return new ResourceAmounts(0, 0, 1);
        }
        double cpu = 0;
        double mem = 0;
        for (Container c : nullSafe(spec.getContainers())) {
            cpu += request(c, "cpu");
            mem += request(c, "memory");
        }
        double initCpu = 0;
        double initMem = 0;
        for (Container c : nullSafe(spec.getInitContainers())) {
            if ("Always".equals(c.getRestartPolicy())) {
                // a sidecar runs for the pod's whole life, like an app container
                cpu += request(c, "cpu");
                mem += request(c, "memory");
            } else {
                initCpu = Math.max(initCpu, request(c, "cpu"));
                initMem = Math.max(initMem, request(c, "memory"));
            }
        }
        Map<String, Quantity> overhead = spec.getOverhead() == null ? Map.of() : spec.getOverhead();
        return new ResourceAmounts(
                Math.max(cpu, initCpu)
                        + ObjectFields.quantity(overhead.get("cpu")).orElse(0),
                Math.max(mem, initMem)
                        + ObjectFields.quantity(overhead.get("memory")).orElse(0),
                1);
    }

    private static double request(Container c, String resource) {
        if (c.getResources() == null || c.getResources().getRequests() == null) {
            return 0;
        }
        return ObjectFields.quantity(c.getResources().getRequests().get(resource))
                .orElse(0);
    }

    private static <T> List<T> nullSafe(List<T> l) {
        return l == null ? List.of() : l;
    }
}
