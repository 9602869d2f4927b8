package io.tierlens.kubernetes.client;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.config.ConfigProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which cluster to watch: a kubeconfig file and context, both optional ("" = fabric8 auto-configuration:
 * in-cluster first). Exporters configured with the same connection share one {@link ClusterWatch}.
 */
public record KubernetesConnection(String kubeconfig, String context) {

    public KubernetesConnection {
        kubeconfig = kubeconfig == null ? "" : kubeconfig;
        context = context == null ? "" : context;
    }

    /**
     * The key {@link io.tierlens.core.aws.ApiClients} keeps the shared watch under. ApiClients is keyed by AWS
     * target; a cluster is not one, so it gets a synthetic target that no AWS client ever sees.
     */
    public AwsTarget target() {
        return new AwsTarget(
                "kubernetes",
                "kubernetes",
                (context.isEmpty() ? "auto" : context) + "|" + kubeconfig,
                Optional.empty(),
                Optional.empty());
    }

    public String describe() {
        if (kubeconfig.isEmpty() && context.isEmpty()) {
            return "auto-configured (in-cluster or default kubeconfig)";
        }
        return "kubeconfig " + (kubeconfig.isEmpty() ? "(default)" : kubeconfig)
                + (context.isEmpty() ? "" : " context " + context);
    }

    /** Config check shared by every exporter that names a cluster ({@code <path>.kubeconfig}). */
    public static void checkKubeconfig(String kubeconfig, String path, ConfigProblems problems) {
        if (!kubeconfig.isEmpty() && !Files.isReadable(Path.of(kubeconfig))) {
            problems.add(
                    ConfigProblems.join(path, "kubeconfig"),
                    "file not found or not readable",
                    "give the path of a kubeconfig, or remove the key to use the in-cluster service account");
        }
    }
}
