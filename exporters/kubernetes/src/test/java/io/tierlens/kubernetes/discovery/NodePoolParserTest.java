package io.tierlens.kubernetes.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.tierlens.kubernetes.model.NodePool;
import io.tierlens.kubernetes.model.Resource;
import io.tierlens.kubernetes.testing.Fixtures;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodePoolParserTest {

    @Test
    void readsAKarpenter10NodePool() {
        NodePool p = NodePoolParser.parse(Fixtures.generic("nodepool-web.yaml"));

        assertThat(p.name()).isEqualTo("web");
        assertThat(p.consolidationPolicy()).isEqualTo("WhenEmptyOrUnderutilized");
        assertThat(p.nodeClass()).isEqualTo("EC2NodeClass/default");
        assertThat(p.limits())
                .containsOnly(Map.entry(Resource.CPU, 1000.0), Map.entry(Resource.MEMORY, 1000.0 * (1L << 30)));
        assertThat(p.usage())
                .containsEntry(Resource.CPU, 4.0)
                .containsEntry(Resource.MEMORY, 7811328.0 * 1024)
                .containsEntry(Resource.PODS, 58.0)
                .containsEntry(Resource.NODES, 2.0);
        assertThat(p.ready()).contains(true);
    }

    @Test
    void readsALaterNodePoolWithStatusNodesAndANodesLimit() {
        NodePool p = NodePoolParser.parse(Fixtures.generic("nodepool-was.yaml"));

        assertThat(p.consolidationPolicy()).isEqualTo("WhenEmpty");
        assertThat(p.nodeClass()).isEqualTo("EC2NodeClass/was");
        assertThat(p.limits()).containsEntry(Resource.NODES, 8.0).containsEntry(Resource.CPU, 64.0);
        assertThat(p.usage()).containsEntry(Resource.NODES, 1.0);
        assertThat(p.ready()).contains(false);
    }

    @Test
    void aFreshNodePoolWithoutStatusHasNoUsageAndUnknownReadiness() {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setMetadata(new ObjectMetaBuilder().withName("new").build());
        r.setAdditionalProperty("spec", Map.of("limits", Map.of("cpu", "not-a-quantity", "memory", "64Gi")));

        NodePool p = NodePoolParser.parse(r);

        assertThat(p.limits()).containsOnlyKeys(Resource.MEMORY);
        assertThat(p.usage()).isEmpty();
        assertThat(p.ready()).isEqualTo(Optional.empty());
        assertThat(p.nodeClass()).isEmpty();
        assertThat(p.consolidationPolicy()).isEmpty();
    }
}
