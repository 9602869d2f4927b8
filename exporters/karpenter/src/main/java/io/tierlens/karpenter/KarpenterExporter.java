package io.tierlens.karpenter;

import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.SettingsExporter;
import io.tierlens.karpenter.collector.KarpenterCollector;
import io.tierlens.kubernetes.client.ClusterWatch;
import io.tierlens.kubernetes.client.KarpenterAccess;
import io.tierlens.kubernetes.model.ClusterState;

/**
 * Capacity of a Karpenter cluster: each refresh turns the watch caches into metrics, with no API call after
 * the watches' initial list. An unreachable API server fails the refresh (exporter_up 0) and the last good
 * data stays served until max staleness.
 */
public final class KarpenterExporter extends SettingsExporter {
    private final KarpenterConfig config;
    private final ClusterWatch watch;

    public KarpenterExporter(KarpenterConfig config, ClusterWatch watch) {
        super(KarpenterModule.NAME, config);
        this.config = config;
        this.watch = watch;
    }

    @Override
    public String defaultTarget() {
        return "kubernetes";
    }

    @Override
    public RefreshResult refresh() throws Exception {
        ClusterState state = watch.snapshot();
        return new RefreshResult(
                KarpenterCollector.collect(state), state.observedAt(), KarpenterAccess.problems(state.api()));
    }

    // close(): the watch is shared with the cost exporter and closed by whoever owns the environment.
}
