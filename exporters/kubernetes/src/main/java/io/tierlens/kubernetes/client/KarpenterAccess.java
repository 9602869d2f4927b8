package io.tierlens.kubernetes.client;

import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.kubernetes.model.KarpenterApi;
import java.util.List;

/**
 * The partial failure an exporter reports when RBAC forbids NodePools and NodeClaims: the refresh succeeds on nodes
 * and pods, and {@code tierlens_refresh_errors_total{reason="access_denied"}} counts the part that is missing on
 * every refresh, so an alert sees it as long as it lasts. Shared by the Karpenter and cost exporters, which read
 * the same watch.
 */
public final class KarpenterAccess {
    private KarpenterAccess() {}

    public static List<PartialFailure> problems(KarpenterApi api) {
        if (!api.accessDenied()) {
            return List.of();
        }
        return List.of(new PartialFailure(
                FailureReason.ACCESS_DENIED,
                "listing karpenter.sh/v1 NodePools and NodeClaims is forbidden (HTTP 403); serving nodes and pending"
                        + " pods only (check the RBAC in docs/exporters/karpenter.md)"));
    }
}
