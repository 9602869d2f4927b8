package io.tierlens.contract.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a metric that no tierlens exporter exports comes from. {@code inDemo} says whether {@code tierlens demo}
 * with its Prometheus and Pushgateway provides it, i.e. whether a panel reading it must show data in the end-to-end
 * test; panels that need a source outside the demo say so in their description ("Requires: ...").
 */
public enum ExternalSource {
    PROMETHEUS("prometheus", "Prometheus itself (up, ALERTS)", true),
    PUSHGATEWAY("pushgateway", "the Pushgateway that `tierlens run-job` pushes to", true),
    CLIENT_JAVA("client_java", "client_java's JVM and process metrics, served by tierlens itself", true),
    MICROMETER(
            "micrometer",
            "Spring Boot Actuator with micrometer-registry-prometheus on the WAS pods, scraped by Prometheus",
            false),
    KUBE_STATE_METRICS("kube-state-metrics", "kube-state-metrics", false),
    ARGO_ROLLOUTS("argo-rollouts", "Argo Rollouts, its controller's metrics scraped by Prometheus", false),
    OPENCOST("opencost", "OpenCost's cost model metrics, scraped by the same Prometheus", false),
    /** Log panels only: no metric comes from it, so external-metrics.txt never names it. */
    LOKI("loki", "Loki with the pods' logs, picked in the variable 'Loki'", false);

    private final String id;
    private final String description;
    private final boolean inDemo;

    ExternalSource(String id, String description, boolean inDemo) {
        this.id = id;
        this.description = description;
        this.inDemo = inDemo;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean inDemo() {
        return inDemo;
    }

    /** The sentence a panel's description carries when it reads this source. */
    public String requirement() {
        return "Requires: " + description + ".";
    }

    public static Optional<ExternalSource> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
