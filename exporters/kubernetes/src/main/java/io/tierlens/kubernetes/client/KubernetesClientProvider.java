package io.tierlens.kubernetes.client;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Where the Kubernetes API is: in production fabric8's auto-configuration (in-cluster service account or a
 * kubeconfig), in the demo the embedded mock API server. Everything above it is the same code.
 */
public interface KubernetesClientProvider {

    /** A new client; the caller closes it. */
    KubernetesClient connect();

    /** For logs: where the client connects, without credentials. */
    String describe();
}
