package io.tierlens.kubernetes.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.time.Duration;

/**
 * The production provider: fabric8's {@link Config#autoConfigure} (in-cluster service account,
 * {@code KUBECONFIG}, {@code ~/.kube/config}), or an explicit kubeconfig file, optionally with a context.
 */
public final class AutoConfiguredClientProvider implements KubernetesClientProvider {
    /** Default connect timeout; short, because a refresh waiting on an unreachable API server serves nothing new. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default timeout of one request (a list, a discovery GET); the watch's initial sync has its own limit. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final KubernetesConnection connection;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public AutoConfiguredClientProvider(KubernetesConnection connection) {
        this(connection, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    /** With the caller's timeouts (the batch exporter's {@code api_timeout}). */
    public AutoConfiguredClientProvider(
            KubernetesConnection connection, Duration connectTimeout, Duration requestTimeout) {
        this.connection = connection;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
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
                .withConnectionTimeout((int) connectTimeout.toMillis())
                .withRequestTimeout((int) requestTimeout.toMillis())
                .withRequestRetryBackoffLimit(1)
                .build();
        return new KubernetesClientBuilder().withConfig(bounded).build();
    }

    @Override
    public String describe() {
        return connection.describe();
    }
}
