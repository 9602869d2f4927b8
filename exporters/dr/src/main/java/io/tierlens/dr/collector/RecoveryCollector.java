package io.tierlens.dr.collector;

import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.dr.model.SiteRecovery;
import java.time.Duration;
import java.util.List;

/** RPO/RTO targets and evidence per site: METRICS.md "DR". */
public final class RecoveryCollector {
    public static final String RPO = "tierlens_dr_rpo_seconds";
    public static final String RPO_TARGET = "tierlens_dr_rpo_target_seconds";
    public static final String RTO_TARGET = "tierlens_dr_rto_target_seconds";
    public static final String LAST_DRILL = "tierlens_dr_last_drill_timestamp_seconds";
    public static final String LAST_DRILL_RTO = "tierlens_dr_last_drill_rto_seconds";

    private RecoveryCollector() {}

    public static void collect(SnapshotAssembler out, List<SiteRecovery> sites) {
        var rpo = out.gauge(
                RPO,
                "Age of the newest copy of the data usable by the site, in seconds (from the newest dump in the"
                        + " site's storage when one is configured, else from the copy job's last successful run).",
                "site");
        var rpoTarget = out.gauge(RPO_TARGET, "Recovery point objective of the site, in seconds.", "site");
        var rtoTarget = out.gauge(RTO_TARGET, "Recovery time objective of the site, in seconds.", "site");
        var drill =
                out.gauge(LAST_DRILL, "Unix time the last successful failover drill onto the site finished.", "site");
        var drillRto = out.gauge(
                LAST_DRILL_RTO, "Duration of the last successful failover drill onto the site, in seconds.", "site");
        for (SiteRecovery s : sites) {
            s.rpo().ifPresent(d -> rpo.add(seconds(d), s.site()));
            s.rpoTarget().ifPresent(d -> rpoTarget.add(seconds(d), s.site()));
            s.rtoTarget().ifPresent(d -> rtoTarget.add(seconds(d), s.site()));
            s.lastDrill().ifPresent(d -> {
                drill.add(d.finished().toEpochMilli() / 1000.0, s.site());
                d.rto().ifPresent(r -> drillRto.add(seconds(r), s.site()));
            });
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
