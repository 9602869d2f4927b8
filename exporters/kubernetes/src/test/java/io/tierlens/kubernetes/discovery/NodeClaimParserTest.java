package io.tierlens.kubernetes.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.tierlens.kubernetes.model.InstanceShape;
import io.tierlens.kubernetes.model.NodeClaim;
import io.tierlens.kubernetes.model.NodeClaimPhase;
import io.tierlens.kubernetes.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeClaimParserTest {
    private static final Instant NOW = Instant.parse("2025-03-04T11:00:00Z");

    @Test
    void readsAnInitializedSpotClaim() {
        NodeClaim c = NodeClaimParser.parse(Fixtures.generic("nodeclaim-web-initialized.yaml"), NOW);

        assertThat(c.name()).isEqualTo("web-x7k2p");
        assertThat(c.uid()).isEqualTo("5e0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(c.nodePool()).isEqualTo("web");
        assertThat(c.shape()).isEqualTo(new InstanceShape("c6i.large", "spot", "ap-northeast-2a"));
        assertThat(c.created()).isEqualTo(Instant.parse("2025-03-04T10:00:00Z"));
        assertThat(c.phase()).isEqualTo(NodeClaimPhase.INITIALIZED);
    }

    @Test
    void unknownConditionsDoNotCountAsReached() {
        NodeClaim c = NodeClaimParser.parse(Fixtures.generic("nodeclaim-was-launching.yaml"), NOW);

        assertThat(c.phase()).isEqualTo(NodeClaimPhase.LAUNCHED);
        assertThat(c.phase().unready()).isTrue();
    }

    @Test
    void driftAndDisruptionOutrankInitialized() {
        GenericKubernetesResource drifted = withCondition("Drifted", "True", "NodePoolDrifted");
        assertThat(NodeClaimParser.parse(drifted, NOW).phase()).isEqualTo(NodeClaimPhase.DRIFTED);

        GenericKubernetesResource chosen = withCondition("DisruptionReason", "True", "Underutilized");
        assertThat(NodeClaimParser.parse(chosen, NOW).phase()).isEqualTo(NodeClaimPhase.DISRUPTING);

        GenericKubernetesResource deleting = Fixtures.generic("nodeclaim-web-initialized.yaml");
        deleting.getMetadata().setDeletionTimestamp("2025-03-04T10:59:00Z");
        assertThat(NodeClaimParser.parse(deleting, NOW).phase()).isEqualTo(NodeClaimPhase.DISRUPTING);
    }

    @Test
    void aClaimWithoutStatusIsPendingAndHasNoShapeYet() {
        GenericKubernetesResource r = Fixtures.generic("nodeclaim-web-initialized.yaml");
        r.getAdditionalProperties().remove("status");
        r.getMetadata().setLabels(Map.of(WellKnownLabels.NODEPOOL, "web"));

        NodeClaim c = NodeClaimParser.parse(r, NOW);

        assertThat(c.phase()).isEqualTo(NodeClaimPhase.PENDING);
        assertThat(c.shape()).isEqualTo(new InstanceShape("", "", ""));
    }

    @SuppressWarnings("unchecked")
    static GenericKubernetesResource withCondition(String type, String status, String reason) {
        GenericKubernetesResource r = Fixtures.generic("nodeclaim-web-initialized.yaml");
        Map<String, Object> st =
                (Map<String, Object>) r.getAdditionalProperties().get("status");
        List<Object> conditions = new ArrayList<>((List<Object>) st.get("conditions"));
        conditions.add(Map.of("type", type, "status", status, "reason", reason, "message", ""));
        st.put("conditions", conditions);
        return r;
    }
}
