package io.tierlens.kubernetes.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one place a real client is configured: every exporter that talks to Kubernetes gets these bounds. */
class AutoConfiguredClientProviderTest {

    @TempDir
    Path dir;

    private Path kubeconfig() throws Exception {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: prod
                    cluster: {server: "https://prod.example.com:6443"}
                  - name: staging
                    cluster: {server: "https://staging.example.com:6443"}
                users:
                  - name: reader
                    user: {token: not-a-real-token}
                contexts:
                  - name: prod
                    context: {cluster: prod, user: reader}
                  - name: staging
                    context: {cluster: staging, user: reader}
                current-context: prod
                """);
        return file;
    }

    @Test
    void boundsTimeoutsAndRetriesOfTheDefaultClient() throws Exception {
        KubernetesConnection c = new KubernetesConnection(kubeconfig().toString(), "");

        try (KubernetesClient client = new AutoConfiguredClientProvider(c).connect()) {
            assertThat(client.getConfiguration().getMasterUrl()).startsWith("https://prod.example.com:6443");
            assertThat(client.getConfiguration().getConnectionTimeout()).isEqualTo(5_000);
            assertThat(client.getConfiguration().getRequestTimeout()).isEqualTo(10_000);
            // fabric8's default of ten retries held the first refresh for ~20 s outside a cluster
            assertThat(client.getConfiguration().getRequestRetryBackoffLimit()).isEqualTo(1);
        }
    }

    @Test
    void takesTheCallersTimeoutsAndTheNamedContext() throws Exception {
        KubernetesConnection c = new KubernetesConnection(kubeconfig().toString(), "staging");

        try (KubernetesClient client =
                new AutoConfiguredClientProvider(c, Duration.ofSeconds(2), Duration.ofSeconds(3)).connect()) {
            assertThat(client.getConfiguration().getMasterUrl()).startsWith("https://staging.example.com:6443");
            assertThat(client.getConfiguration().getConnectionTimeout()).isEqualTo(2_000);
            assertThat(client.getConfiguration().getRequestTimeout()).isEqualTo(3_000);
        }
    }

    @Test
    void describesWhereItConnectsWithoutCredentials() throws Exception {
        String file = kubeconfig().toString();

        assertThat(new AutoConfiguredClientProvider(new KubernetesConnection(file, "prod")).describe())
                .isEqualTo("kubeconfig " + file + " context prod")
                .doesNotContain("token");
        assertThat(new AutoConfiguredClientProvider(new KubernetesConnection(null, null)).describe())
                .isEqualTo("auto-configured (in-cluster or default kubeconfig)");
    }
}
