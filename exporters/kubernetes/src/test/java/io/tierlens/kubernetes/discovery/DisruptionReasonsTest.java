package io.tierlens.kubernetes.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.tierlens.kubernetes.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisruptionReasonsTest {
    private static final Instant CREATED = Instant.parse("2025-03-04T10:00:00Z");

    @Test
    void theDisruptionReasonConditionNamesTheReason() {
        GenericKubernetesResource r = NodeClaimParserTest.withCondition("DisruptionReason", "True", "Underutilized");
        assertThat(DisruptionReasons.of(r, CREATED.plusSeconds(600))).isEqualTo("underutilized");

        GenericKubernetesResource spot =
                NodeClaimParserTest.withCondition("DisruptionReason", "True", "SpotInterruption");
        assertThat(DisruptionReasons.of(spot, CREATED.plusSeconds(600))).isEqualTo("spot_interruption");
    }

    @Test
    void aClearedDisruptionReasonIsIgnored() {
        GenericKubernetesResource r = NodeClaimParserTest.withCondition("DisruptionReason", "False", "Underutilized");
        assertThat(DisruptionReasons.of(r, CREATED.plusSeconds(600))).isEqualTo("other");
    }

    @Test
    void driftExpiryAndFailedLaunchesAreRecognised() {
        assertThat(DisruptionReasons.of(
                        NodeClaimParserTest.withCondition("Drifted", "True", "NodePoolDrifted"),
                        CREATED.plusSeconds(600)))
                .isEqualTo("drifted");

        GenericKubernetesResource old = Fixtures.generic("nodeclaim-web-initialized.yaml");
        assertThat(DisruptionReasons.of(old, CREATED.plus(Duration.ofHours(720))))
                .isEqualTo("expired");
        assertThat(DisruptionReasons.of(old, CREATED.plus(Duration.ofHours(719))))
                .isEqualTo("other");

        GenericKubernetesResource launching = Fixtures.generic("nodeclaim-was-launching.yaml");
        assertThat(DisruptionReasons.of(launching, CREATED.plusSeconds(1200))).isEqualTo("never_initialized");
    }

    @Test
    void reasonsStayBoundedLabelValues() {
        assertThat(DisruptionReasons.snake("Empty")).isEqualTo("empty");
        assertThat(DisruptionReasons.snake("GarbageCollected")).isEqualTo("garbage_collected");
        assertThat(DisruptionReasons.snake("weird reason; with $ymbols")).isEqualTo("other");
        assertThat(DisruptionReasons.snake("A".repeat(60))).isEqualTo("other");
        GenericKubernetesResource junk = NodeClaimParserTest.withCondition("DisruptionReason", "True", "");
        assertThat(DisruptionReasons.of(junk, CREATED.plusSeconds(1))).isEqualTo("other");
    }

    @Test
    void readsGoDurations() {
        assertThat(DisruptionReasons.goDuration("720h")).contains(Duration.ofHours(720));
        assertThat(DisruptionReasons.goDuration("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(DisruptionReasons.goDuration("1.5h")).contains(Duration.ofMinutes(90));
        assertThat(DisruptionReasons.goDuration("Never")).isEmpty();
        assertThat(DisruptionReasons.goDuration("soon")).isEmpty();
        assertThat(DisruptionReasons.goDuration("")).isEmpty();
    }

    @Test
    void aClaimWithoutSpecOrStatusIsNeverInitialized() {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
        r.setAdditionalProperties(Map.of());
        assertThat(DisruptionReasons.of(r, CREATED)).isEqualTo("never_initialized");
    }
}
