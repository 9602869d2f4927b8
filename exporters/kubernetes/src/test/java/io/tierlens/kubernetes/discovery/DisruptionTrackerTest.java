package io.tierlens.kubernetes.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.kubernetes.model.ClusterState.DisruptionKey;
import io.tierlens.kubernetes.model.Disruption;
import io.tierlens.kubernetes.model.InstanceShape;
import io.tierlens.kubernetes.model.NodeClaim;
import io.tierlens.kubernetes.model.NodeClaimPhase;
import io.tierlens.kubernetes.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisruptionTrackerTest {
    private final MutableClock clock = MutableClock.at("2025-03-04T11:00:00Z");
    private final DisruptionTracker tracker = new DisruptionTracker(clock);

    @Test
    void claimsTerminatingBeforeTheWatchStartedAreNotCounted() {
        tracker.seen(deleting(Fixtures.generic("nodeclaim-web-initialized.yaml")), List::of);
        tracker.arm();
        assertThat(tracker.counts()).isEmpty();
    }

    @Test
    void aClaimCountsOnceFromTerminatingToGone() {
        tracker.arm();
        GenericKubernetesResource claim = Fixtures.generic("nodeclaim-web-initialized.yaml");
        tracker.seen(claim, List::of);
        assertThat(tracker.counts()).isEmpty();

        tracker.seen(deleting(claim), List::of);
        tracker.seen(deleting(claim), List::of);
        tracker.gone(deleting(claim), List::of);

        assertThat(tracker.counts()).isEqualTo(Map.of(new DisruptionKey("web", "other"), 1L));
        assertThat(tracker.recent()).singleElement().satisfies(d -> {
            assertThat(d.sequence()).isEqualTo(1);
            assertThat(d.removed()).isEqualTo(new InstanceShape("c6i.large", "spot", "ap-northeast-2a"));
            assertThat(d.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aClaimDeletedWithoutFinalizerIsCountedWhenGone() {
        tracker.arm();
        tracker.gone(Fixtures.generic("nodeclaim-was-launching.yaml"), List::of);
        assertThat(tracker.counts()).isEqualTo(Map.of(new DisruptionKey("was", "never_initialized"), 1L));
    }

    @Test
    void anUnderutilizedClaimIsPairedWithTheNewestRecentClaimOfItsPool() {
        tracker.arm();
        Instant now = clock.instant();
        NodeClaim tooOld = claim("old", "web", now.minus(Duration.ofMinutes(30)), NodeClaimPhase.INITIALIZED);
        NodeClaim otherPool = claim("was", "was", now.minusSeconds(60), NodeClaimPhase.INITIALIZED);
        NodeClaim replacement = claim("new", "web", now.minusSeconds(90), NodeClaimPhase.INITIALIZED);
        List<NodeClaim> live = List.of(tooOld, otherPool, replacement);

        tracker.seen(
                deleting(NodeClaimParserTest.withCondition("DisruptionReason", "True", "Underutilized")), () -> live);

        Disruption d = tracker.recent().get(0);
        assertThat(d.reason()).isEqualTo("underutilized");
        assertThat(d.consolidation()).isTrue();
        assertThat(d.replacements()).containsExactly(replacement.shape());
    }

    @Test
    void emptyNodesHaveNoReplacement() {
        tracker.arm();
        NodeClaim recent = claim("new", "web", clock.instant().minusSeconds(30), NodeClaimPhase.INITIALIZED);
        tracker.seen(
                deleting(NodeClaimParserTest.withCondition("DisruptionReason", "True", "Empty")),
                () -> List.of(recent));
        assertThat(tracker.recent().get(0).replacements()).isEmpty();
    }

    @Test
    void keepsABoundedHistory() {
        tracker.arm();
        for (int i = 0; i < DisruptionTracker.RECENT_LIMIT + 10; i++) {
            GenericKubernetesResource c = Fixtures.generic("nodeclaim-web-initialized.yaml");
            c.getMetadata().setUid("uid-" + i);
            tracker.gone(c, List::of);
        }
        assertThat(tracker.recent()).hasSize(DisruptionTracker.RECENT_LIMIT);
        assertThat(tracker.recent().get(0).sequence()).isEqualTo(11);
        assertThat(tracker.counts()).containsEntry(new DisruptionKey("web", "other"), 510L);
    }

    private static GenericKubernetesResource deleting(GenericKubernetesResource r) {
        r.getMetadata().setDeletionTimestamp("2025-03-04T11:00:00Z");
        return r;
    }

    private static NodeClaim claim(String name, String pool, Instant created, NodeClaimPhase phase) {
        return new NodeClaim(
                name, "uid-" + name, pool, new InstanceShape("c6i.xlarge", "spot", "ap-northeast-2b"), created, phase);
    }
}
