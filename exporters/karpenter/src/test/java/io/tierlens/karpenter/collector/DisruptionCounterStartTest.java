package io.tierlens.karpenter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.testing.Scraped;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.ClusterState.DisruptionKey;
import io.tierlens.kubernetes.model.KarpenterApi;
import io.tierlens.kubernetes.model.NodePool;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The disruption counter had no series until the first disruption of a NodePool, so increase() missed that first
 * one (issue 12). Every known reason of every NodePool seen starts at 0.
 */
class DisruptionCounterStartTest {
    private static final Instant NOW = Instant.parse("2025-03-04T11:00:00Z");

    private static ClusterState state(Map<DisruptionKey, Long> disruptions) {
        return new ClusterState(
                NOW,
                new KarpenterApi(List.of("v1")),
                List.of(new NodePool(
                        "web", "WhenEmptyOrUnderutilized", "EC2NodeClass/web", Map.of(), Map.of(), Optional.empty())),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                disruptions,
                List.of());
    }

    @Test
    void everyKnownReasonOfASeenNodePoolIsZeroBeforeAnyDisruption() {
        MetricSnapshots m = KarpenterCollector.collect(state(Map.of()));

        for (String reason : List.of("underutilized", "empty", "drifted", "expired", "never_initialized", "other")) {
            assertThat(Scraped.value(m, "tierlens_karpenter_disruptions_total", "nodepool", "web", "reason", reason))
                    .as(reason)
                    .hasValue(0);
        }
    }

    @Test
    void countedDisruptionsKeepTheirValues() {
        MetricSnapshots m = KarpenterCollector.collect(state(Map.of(new DisruptionKey("web", "drifted"), 2L)));

        assertThat(Scraped.value(m, "tierlens_karpenter_disruptions_total", "nodepool", "web", "reason", "drifted"))
                .hasValue(2);
        assertThat(Scraped.value(m, "tierlens_karpenter_disruptions_total", "nodepool", "web", "reason", "empty"))
                .hasValue(0);
    }
}
