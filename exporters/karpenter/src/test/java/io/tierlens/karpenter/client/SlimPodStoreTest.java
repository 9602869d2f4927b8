package io.tierlens.karpenter.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.tierlens.karpenter.Fixtures;
import io.tierlens.karpenter.discovery.PendingReasons;
import io.tierlens.karpenter.discovery.PodRequests;
import org.junit.jupiter.api.Test;

class SlimPodStoreTest {

    @Test
    void theSlimCopyAnswersEverythingTheExporterAsks() {
        for (String fixture : new String[] {"pod-running.yaml", "pod-pending.yaml"}) {
            Pod full = Fixtures.load(fixture, Pod.class);
            Pod slim = SlimPodStore.slim(full);

            assertThat(PodRequests.of(slim)).isEqualTo(PodRequests.of(full));
            assertThat(PendingReasons.of(slim)).isEqualTo(PendingReasons.of(full));
            assertThat(slim.getMetadata().getCreationTimestamp())
                    .isEqualTo(full.getMetadata().getCreationTimestamp());
            assertThat(slim.getSpec().getNodeName()).isEqualTo(full.getSpec().getNodeName());
        }
    }

    @Test
    void dropsWhatItDoesNotNeed() {
        Pod slim = SlimPodStore.slim(Fixtures.load("pod-running.yaml", Pod.class));

        assertThat(slim.getSpec().getContainers().get(0).getEnv()).isEmpty();
        assertThat(slim.getSpec().getContainers().get(0).getImage()).isNull();
        assertThat(slim.getMetadata().getLabels()).isEmpty();
        assertThat(slim.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(slim.getStatus().getConditions()).hasSize(1);
    }

    @Test
    void isKeyedLikeTheInformerCache() {
        SlimPodStore store = new SlimPodStore();
        Pod p = Fixtures.load("pod-pending.yaml", Pod.class);
        store.put(store.getKey(p), p);

        assertThat(store.getKey(p)).isEqualTo("was/app-7f9c8d6b5-xyz12");
        assertThat(store.get("was/app-7f9c8d6b5-xyz12")).isNotNull();
        assertThat(store.size()).isEqualTo(1);
        store.remove("was/app-7f9c8d6b5-xyz12");
        assertThat(store.values()).isEmpty();
    }
}
