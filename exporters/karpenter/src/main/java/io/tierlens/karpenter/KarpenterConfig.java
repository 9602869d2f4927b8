package io.tierlens.karpenter;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.kubernetes.client.KubernetesConnection;
import java.time.Duration;

/**
 * {@code exporters.karpenter:}
 *
 * @param enabled default true
 * @param refresh how often the snapshot is rebuilt from the watch caches (no API call), default 30s
 * @param maxStaleness how long last good data is served while the API server is unreachable, default 5m
 * @param kubeconfig kubeconfig file; "" (default) = fabric8 auto-configuration (in-cluster service account,
 *     then {@code KUBECONFIG} / {@code ~/.kube/config})
 * @param context kubeconfig context; "" = the current one
 */
public record KarpenterConfig(
        Boolean enabled, Duration refresh, Duration maxStaleness, String kubeconfig, String context)
        implements ExporterSettings, ConfigChecked {

    public KarpenterConfig {
        enabled = enabled == null || enabled;
        refresh = refresh == null ? Duration.ofSeconds(30) : refresh;
        maxStaleness = maxStaleness == null ? Duration.ofMinutes(5) : maxStaleness;
        kubeconfig = kubeconfig == null ? "" : kubeconfig;
        context = context == null ? "" : context;
    }

    public KubernetesConnection connection() {
        return new KubernetesConnection(kubeconfig, context);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        ExporterSettings.checkCommon(this, path, problems);
        KubernetesConnection.checkKubeconfig(kubeconfig, path, problems);
    }
}
