package io.tierlens.alb.collector;

import static io.tierlens.core.testing.Snapshots.labels;
import static io.tierlens.core.testing.Snapshots.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.alb.testing.FakeAlbApi;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetGroupHealthCollectorTest {
    private final FakeAlbApi api = new FakeAlbApi();
    private final LoadBalancer lb = api.addLoadBalancer("web", Map.of());
    private final TargetGroup was = api.addTargetGroup("was", Map.of(), lb);
    private final TargetGroup empty = api.addTargetGroup("empty", Map.of(), lb);
    private final TargetGroup unknown = api.addTargetGroup("not-polled", Map.of(), lb);
    private final AlbInventory inventory =
            new AlbInventory(List.of(lb), List.of(was, empty, unknown), List.of(), Map.of(), Map.of(), Instant.EPOCH);

    private MetricSnapshots collect(Map<String, List<TargetHealth>> health) {
        SnapshotAssembler out = new SnapshotAssembler();
        new TargetGroupHealthCollector().addTo(out, "123456789012", "eu-west-1", inventory, health);
        return out.build();
    }

    @Test
    void countsTargetsPerStateAndReason() {
        MetricSnapshots out = collect(Map.of(
                was.arn(),
                List.of(
                        new TargetHealth("10.0.1.10", 8080, "healthy", ""),
                        new TargetHealth("10.0.1.11", 8080, "healthy", ""),
                        new TargetHealth("10.0.1.12", 8080, "unhealthy", "Target.ResponseCodeMismatch"),
                        new TargetHealth("10.0.1.13", 8080, "unhealthy", "Target.ResponseCodeMismatch"),
                        new TargetHealth("10.0.1.14", 8080, "unhealthy", "Target.Timeout"),
                        new TargetHealth("10.0.1.15", 8080, "draining", "Target.DeregistrationInProgress"))));

        assertThat(value(out, "tierlens_alb_target_health", "target_group", "was", "state", "healthy"))
                .contains(2.0);
        assertThat(value(
                        out,
                        "tierlens_alb_target_health",
                        "target_group",
                        "was",
                        "state",
                        "unhealthy",
                        "reason",
                        "Target.ResponseCodeMismatch"))
                .contains(2.0);
        assertThat(value(out, "tierlens_alb_target_health", "state", "unhealthy", "reason", "Target.Timeout"))
                .contains(1.0);
        assertThat(value(out, "tierlens_alb_target_health", "state", "draining"))
                .contains(1.0);
        // Target ids never become labels.
        assertThat(labels(out, "tierlens_alb_target_health"))
                .allSatisfy(l -> assertThat(l.values()).noneMatch(v -> v.startsWith("10.0.")));
    }

    @Test
    void aTargetGroupWithoutTargetsReportsZeroHealthyAndUnpolledOnesNothing() {
        MetricSnapshots out = collect(Map.of(empty.arn(), List.of()));

        assertThat(labels(out, "tierlens_alb_target_health"))
                .containsExactly(Map.of(
                        "account_id", "123456789012",
                        "region", "eu-west-1",
                        "load_balancer", "web",
                        "target_group", "empty",
                        "state", "healthy",
                        "reason", ""));
        assertThat(value(out, "tierlens_alb_target_health", "target_group", "empty"))
                .contains(0.0);
    }
}
