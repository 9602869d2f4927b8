package io.tierlens.kubernetes.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tierlens.kubernetes.model.KarpenterApi;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the API server's discovery endpoint ({@code GET /apis/karpenter.sh}) which Karpenter API versions it
 * serves. One cheap GET at start (and now and then while v1 is missing), never a list of objects.
 */
public final class KarpenterApiDetector {
    public static final String GROUP = "karpenter.sh";

    private KarpenterApiDetector() {}

    public static KarpenterApi detect(KubernetesClient client) {
        APIGroup group = client.getApiGroup(GROUP);
        if (group == null || group.getVersions() == null) {
            return KarpenterApi.NOT_INSTALLED;
        }
        List<String> versions = new ArrayList<>();
        for (GroupVersionForDiscovery v : group.getVersions()) {
            if (v.getVersion() != null && !v.getVersion().isEmpty()) {
                versions.add(v.getVersion());
            }
        }
        return new KarpenterApi(versions);
    }
}
