package io.tierlens.dr.collector;

import io.tierlens.core.metrics.SnapshotAssembler;
import io.tierlens.dr.discovery.Route53Inventory;
import io.tierlens.dr.model.ActiveSite;
import io.tierlens.dr.model.FailoverRecord;
import io.tierlens.dr.model.FailoverRecordSet;
import java.util.List;
import java.util.Map;

/** Failover records, the serving site and failovers: METRICS.md "DR" plus two DNS series (contract additions). */
public final class FailoverCollector {
    public static final String RECORD_INFO = "tierlens_dr_failover_record_info";
    public static final String ACTIVE_SITE = "tierlens_dr_active_site";
    public static final String FAILOVERS = "tierlens_dr_failovers_total";
    public static final String DNS_RESOLUTION_SUCCESS = "tierlens_dr_dns_resolution_success";
    public static final String ACTIVE_SITE_CONFIRMED = "tierlens_dr_active_site_confirmed";

    private FailoverCollector() {}

    public static void collect(
            SnapshotAssembler out, List<FailoverRecord> records, List<ActiveSite> active, Map<String, Long> failovers) {
        var info = out.info(
                RECORD_INFO,
                "A Route53 failover record set: its set id, role and health check (\"\" when it has none).",
                "account_id",
                "region",
                "record",
                "set_identifier",
                "role",
                "health_check");
        for (FailoverRecord r : records) {
            for (FailoverRecordSet s : r.sets()) {
                info.addInfo(
                        r.accountId(),
                        Route53Inventory.METRICS_REGION,
                        r.record(),
                        s.setIdentifier(),
                        s.role().label(),
                        s.healthCheckId().orElse(""));
            }
        }
        var site = out.gauge(
                ACTIVE_SITE,
                "1 for the site that serves the record now (from our own DNS query, else Route53's health state),"
                        + " 0 for the other sites of the record.",
                "record",
                "site");
        var resolved = out.gauge(
                DNS_RESOLUTION_SUCCESS,
                "1 if our own DNS query for the record got an answer with addresses or aliases, else 0.",
                "record");
        var confirmed = out.gauge(
                ACTIVE_SITE_CONFIRMED,
                "1 if the DNS answer points at the site Route53's health state implies, else 0 (not resolved, TTL"
                        + " not yet expired after a failover, or an answer neither record set holds).",
                "record");
        for (ActiveSite a : active) {
            for (String s : a.sites()) {
                site.add(a.site().map(s::equals).orElse(false) ? 1 : 0, a.record(), s);
            }
            resolved.add(a.dnsResolved() ? 1 : 0, a.record());
            confirmed.add(a.confirmed() ? 1 : 0, a.record());
        }
        var count = out.counter(FAILOVERS, "Changes of the serving site seen by this process.", "record");
        failovers.forEach((record, n) -> count.add(n, record));
    }
}
