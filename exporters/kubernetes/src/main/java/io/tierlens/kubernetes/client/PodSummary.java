package io.tierlens.kubernetes.client;

import io.fabric8.kubernetes.api.model.Pod;
import io.tierlens.kubernetes.discovery.PendingReasons;
import io.tierlens.kubernetes.discovery.PodRequests;
import io.tierlens.kubernetes.model.ResourceAmounts;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One pod as a refresh reads it.
 *
 * @param node the node it is bound to, "" while unscheduled
 * @param terminal phase Succeeded or Failed (servers that ignore the field selector still send those)
 * @param pendingReason set while the pod is Pending
 * @param created empty when the server sent no creation time
 */
record PodSummary(
        String namespace,
        String node,
        boolean terminal,
        ResourceAmounts requests,
        Optional<String> pendingReason,
        Optional<Instant> created) {

    static PodSummary of(Pod p) {
        String phase = p.getStatus() == null ? "" : p.getStatus().getPhase();
        String node = p.getSpec() == null || p.getSpec().getNodeName() == null
                ? ""
                : p.getSpec().getNodeName();
        return new PodSummary(
                p.getMetadata().getNamespace(),
                node,
                "Succeeded".equals(phase) || "Failed".equals(phase),
                PodRequests.of(p),
                PendingReasons.of(p),
                time(p.getMetadata().getCreationTimestamp()));
    }

    private static Optional<Instant> time(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
