package io.tierlens.dr.collector;

import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.dr.model.SiteResource;
import java.util.List;

/** Readiness of the DR site's VMs and databases, from Azure Resource Manager: METRICS.md "DR site resources". */
public final class SiteResourceCollector {
    public static final String UP = "tierlens_dr_site_resource_up";
    public static final String INFO = "tierlens_dr_site_resource_info";
    public static final String EARLIEST_RESTORE = "tierlens_dr_site_database_earliest_restore_timestamp_seconds";

    private SiteResourceCollector() {}

    public static void collect(SnapshotAssembler out, String site, List<SiteResource> resources) {
        var up = out.gauge(
                UP,
                "1 when the DR site resource could serve now (VM running and provisioned, database ready), else 0.",
                "site",
                "kind",
                "name");
        var info = out.info(
                INFO,
                "A DR site resource with its state (VM power state or database state), provisioning state and"
                        + " replication role (\"\" for a VM).",
                "site",
                "kind",
                "name",
                "state",
                "provisioning_state",
                "replication_role");
        var restore = out.gauge(
                EARLIEST_RESTORE,
                "Unix time of the earliest point the DR database's own backups can restore to.",
                "site",
                "name");
        for (SiteResource r : resources) {
            String kind = r.kind().label();
            up.add(r.ready() ? 1 : 0, site, kind, r.name());
            info.add(
                    1,
                    site,
                    kind,
                    r.name(),
                    r.state(),
                    r.provisioningState(),
                    r.replicationRole().orElse(""));
            r.earliestRestore().ifPresent(t -> restore.add(t.toEpochMilli() / 1000.0, site, r.name()));
        }
    }
}
