package io.tierlens.karpenter.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;

/**
 * The production provider: fabric8's {@link Config#autoConfigure} (in-cluster service account,
 * {@code KUBECONFIG}, {@code ~/.kube/config}), or an explicit kubeconfig file, optionally with a context.
 */
public final class AutoConfiguredClientProvider implements KubernetesClientProvider {
    private final KubernetesConnection connection;

    public AutoConfiguredClientProvider(KubernetesConnection connection) {
        this.connection = connection;
    }

    @Override
    public KubernetesClient connect() {
        String context = connection.context().isEmpty() ? null : connection.context();
        Config config = connection.kubeconfig().isEmpty()
                ? Config.autoConfigure(context)
                : Config.fromKubeconfig(context, new File(connection.kubeconfig()));
        // fabric8 retries a failing request ten times with backoff by default; outside a cluster that held the first
        // refresh (and every exporter sharing the watches) for ~20 s. Fail fast; the next refresh retries.
        Config bounded = new ConfigBuilder(config)
                .withConnectionTimeout(5_000)
                .withRequestTimeout(10_000)
                .withRequestRetryBackoffLimit(1)
                .build();
        return new KubernetesClientBuilder().withConfig(bounded).build();
    }

    @Override
    public String describe() {
        return connection.describe();
    }
}
