package io.tierlens.karpenter;

import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.kubernetes.client.ClusterWatches;

/** {@code exporters.karpenter}: NodePools, NodeClaims, nodes and pending pods through watches. */
public final class KarpenterModule implements ExporterModule<KarpenterConfig> {
    public static final String NAME = "karpenter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<KarpenterConfig> configType() {
        return KarpenterConfig.class;
    }

    @Override
    public Exporter create(KarpenterConfig config, ExporterEnvironment env) {
        return new KarpenterExporter(config, ClusterWatches.shared(env, config.connection()));
    }
}
