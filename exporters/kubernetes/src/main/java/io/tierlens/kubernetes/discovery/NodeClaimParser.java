package io.tierlens.kubernetes.discovery;

import static io.tierlens.kubernetes.discovery.ObjectFields.at;
import static io.tierlens.kubernetes.discovery.ObjectFields.condition;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.tierlens.kubernetes.model.NodeClaim;
import io.tierlens.kubernetes.model.NodeClaimPhase;
import java.time.Instant;

/** Reads a {@code karpenter.sh/v1} NodeClaim. */
public final class NodeClaimParser {
    /** Set by the disruption controller when it picks the claim (Karpenter 1.x); its reason says why. */
    static final String DISRUPTION_REASON = "DisruptionReason";

    private NodeClaimParser() {}

    public static NodeClaim parse(GenericKubernetesResource r, Instant now) {
        return new NodeClaim(
                r.getMetadata().getName(),
                r.getMetadata().getUid() == null ? "" : r.getMetadata().getUid(),
                ObjectFields.label(r.getMetadata(), WellKnownLabels.NODEPOOL),
                WellKnownLabels.shape(r.getMetadata()),
                ObjectFields.created(r.getMetadata(), now),
                phase(r));
    }

    static NodeClaimPhase phase(GenericKubernetesResource r) {
        Object conditions = at(r.getAdditionalProperties(), "status", "conditions");
        if (terminating(r) || isTrue(conditions, DISRUPTION_REASON) || isTrue(conditions, "InstanceTerminating")) {
            return NodeClaimPhase.DISRUPTING;
        }
        if (isTrue(conditions, "Drifted")) {
            return NodeClaimPhase.DRIFTED;
        }
        if (isTrue(conditions, "Initialized")) {
            return NodeClaimPhase.INITIALIZED;
        }
        if (isTrue(conditions, "Registered")) {
            return NodeClaimPhase.REGISTERED;
        }
        if (isTrue(conditions, "Launched")) {
            return NodeClaimPhase.LAUNCHED;
        }
        return NodeClaimPhase.PENDING;
    }

    static boolean terminating(GenericKubernetesResource r) {
        String ts = r.getMetadata().getDeletionTimestamp();
        return ts != null && !ts.isEmpty();
    }

    static boolean isTrue(Object conditions, String type) {
        return condition(conditions, type).orElse(false);
    }
}
