package io.tierlens.kubernetes.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.tierlens.kubernetes.model.ResourceAmounts;
import io.tierlens.kubernetes.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlimPodStoreTest {

    @Test
    void keepsTheSummaryARefreshNeedsComputedOnce() {
        SlimPodStore store = new SlimPodStore();
        for (String fixture : List.of("pod-running.yaml", "pod-pending.yaml")) {
            Pod p = Fixtures.load(fixture, Pod.class);
            store.put(store.getKey(p), p);
        }

        assertThat(store.summaries())
                .containsExactlyInAnyOrder(
                        new PodSummary(
                                "web",
                                "ip-10-0-1-23.ap-northeast-2.compute.internal",
                                false,
                                new ResourceAmounts(1.01, 640.0 * 1024 * 1024, 1),
                                Optional.empty(),
                                Optional.of(Instant.parse("2025-03-04T10:01:00Z"))),
                        new PodSummary(
                                "was",
                                "",
                                false,
                                new ResourceAmounts(1, 2.0 * 1024 * 1024 * 1024, 1),
                                Optional.of("unschedulable"),
                                Optional.of(Instant.parse("2025-03-04T10:04:30Z"))));
    }

    @Test
    void storesOnlyTheMetadataTheInformerUses() {
        Pod full = Fixtures.load("pod-running.yaml", Pod.class);
        full.getMetadata().setResourceVersion("4711");
        Pod stub = SlimPodStore.slim(full);

        assertThat(stub.getMetadata().getName()).isEqualTo("nginx-6d4cf56db6-abcde");
        assertThat(stub.getMetadata().getNamespace()).isEqualTo("web");
        assertThat(stub.getMetadata().getResourceVersion()).isEqualTo("4711");
        assertThat(stub.getSpec()).isNull();
        assertThat(stub.getStatus()).isNull();
        assertThat(new SlimPodStore().isFullState()).isFalse();
    }

    @Test
    void isKeyedLikeTheInformerCache() {
        SlimPodStore store = new SlimPodStore();
        Pod p = Fixtures.load("pod-pending.yaml", Pod.class);
        store.put(store.getKey(p), p);

        assertThat(store.getKey(p)).isEqualTo("was/app-7f9c8d6b5-xyz12");
        assertThat(store.get("was/app-7f9c8d6b5-xyz12")).isNotNull();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.remove("was/app-7f9c8d6b5-xyz12")).isNotNull();
        assertThat(store.values()).isEmpty();
        assertThat(store.summaries()).isEmpty();
    }
}
