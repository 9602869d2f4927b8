package io.tierlens.dr.collector;

import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.dr.discovery.Route53Inventory;
import io.tierlens.dr.model.HealthCheckState;
import java.util.List;

/** Route53 health checks: METRICS.md "DR" plus the last failure reason (a contract addition). */
public final class HealthCheckCollector {
    public static final String HEALTHY = "tierlens_dr_health_check_healthy";
    public static final String HEALTHY_RATIO = "tierlens_dr_health_check_healthy_ratio";
    public static final String LAST_FAILURE = "tierlens_dr_health_check_last_failure";

    private static final String[] LABELS = {"account_id", "region", "health_check", "name"};

    private HealthCheckCollector() {}

    public static void collect(SnapshotAssembler out, List<HealthCheckState> checks) {
        var healthy = out.gauge(
                HEALTHY,
                "1 if Route53 considers the health check healthy (CloudWatch HealthCheckStatus from us-east-1, else"
                        + " more than 18% of checkers healthy), else 0.",
                LABELS);
        var ratio = out.gauge(
                HEALTHY_RATIO, "Share of Route53 checker regions whose last observation was healthy.", LABELS);
        var lastFailure = out.gauge(
                LAST_FAILURE,
                "1 for the reason of the newest failing checker observation (timeout, connection_refused,"
                        + " http_status, string_mismatch, ssl, dns, other); absent while no checker fails.",
                "account_id",
                "region",
                "health_check",
                "name",
                "reason");
        for (HealthCheckState s : checks) {
            String[] l = {
                s.accountId(),
                Route53Inventory.METRICS_REGION,
                s.check().id(),
                s.check().name()
            };
            s.healthy().ifPresent(h -> healthy.add(h ? 1 : 0, l));
            s.healthyRatio().ifPresent(r -> ratio.add(r, l));
            s.lastFailure().ifPresent(f -> lastFailure.add(1, l[0], l[1], l[2], l[3], f.label()));
        }
    }
}
