package io.tierlens.batch;

import io.tierlens.batch.client.CronJobApi;
import io.tierlens.batch.client.Fabric8CronJobApi;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import java.util.Optional;

/** {@code exporters.batch}: CronJob status, the exporter side of {@code tierlens run-job}. */
public final class BatchModule implements ExporterModule<BatchConfig> {
    public static final String NAME = "batch";

    /**
     * The key the Kubernetes client is kept under in {@link io.tierlens.core.aws.ApiClients}, which is keyed by
     * AWS target; the cluster is not one, so it gets a fixed pseudo-target.
     */
    public static final AwsTarget CLUSTER =
            new AwsTarget("", "kubernetes", "kubernetes", Optional.empty(), Optional.empty());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<BatchConfig> configType() {
        return BatchConfig.class;
    }

    @Override
    public Exporter create(BatchConfig config, ExporterEnvironment env) {
        CronJobApi api = env.clients()
                .get(
                        CronJobApi.class,
                        CLUSTER,
                        t -> Fabric8CronJobApi.create(
                                config.namespaces(), config.labelSelector(), config.apiTimeout()));
        return new BatchExporter(config, api, env.clock());
    }
}
