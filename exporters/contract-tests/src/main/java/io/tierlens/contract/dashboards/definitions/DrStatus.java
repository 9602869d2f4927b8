package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.bars;
import static io.tierlens.contract.dashboards.definitions.Panels.linkTo;
import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.table;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.dashboards.model.Dashboard;

/** 006: which site serves, Route53 health checks, probes of both sites, RPO/RTO against targets, drills. */
final class DrStatus {
    private static final String J = "job=~\"$job\"";
    private static final String R = "job=~\"$job\", record=~\"$record\"";
    private static final String S = "job=~\"$job\", site=~\"$site\"";

    private DrStatus() {}

    static Dashboard build() {
        Dashboard.Builder d = TierlensDashboard.DR_STATUS
                .builder()
                .description("Which site serves users, is the standby ready, and are RPO and RTO met? Route53"
                        + " failover records and health checks (from us-east-1), tierlens' own HTTP probes of both"
                        + " sites, the age of the newest copy the DR site can use, and drill results.")
                .variable("job", "tierlens job", "label_values(tierlens_build_info, job)")
                .variable(
                        "record",
                        "Failover record",
                        "label_values(tierlens_dr_failover_record_info{job=~\"$job\"}, record)")
                .variable("site", "Site", "label_values(tierlens_dr_probe_success{job=~\"$job\"}, site)");
        failover(d);
        healthChecks(d);
        probes(d);
        rpoRto(d);
        azureSite(d);
        return d.build();
    }

    private static void failover(Dashboard.Builder d) {
        d.row("Failover")
                .panel(stat("Active site", "none")
                        .description("The site Route53 sends each failover record's users to now (an instant"
                                + " query: a site that served earlier in the time range is not shown); 'DNS"
                                + " unconfirmed' while public DNS still answers with the other site.")
                        .query(DrQueries.currentSite(R), "{{record}} → {{site}}")
                        .mapping("1", "serving", "green")
                        .mapping("2", "serving, DNS unconfirmed", "orange")
                        .showNames()
                        .size(8, 6))
                .panel(stat("Public DNS agrees with Route53", "none")
                        .description("Whether a public resolver answers each record with the site Route53 says is"
                                + " active. 0 for a TTL after every failover; if it stays 0, something outside"
                                + " Route53 answers for the name and users do not go where the dashboards say.")
                        .query("min by (record) (tierlens_dr_active_site_confirmed{" + R + "})", "{{record}}")
                        .mapping("1", "confirmed", "green")
                        .mapping("0", "UNCONFIRMED", "orange")
                        .colorBackground()
                        .showNames()
                        .size(8, 6))
                .panel(stat("DNS resolution", "none")
                        .description("Whether tierlens could resolve each failover record through public DNS at"
                                + " all; when it cannot, the confirmation above is unknown.")
                        .query("min by (record) (tierlens_dr_dns_resolution_success{" + R + "})", "{{record}}")
                        .upDown("resolves", "FAILING")
                        .showNames()
                        .size(8, 6))
                .panel(table("Failover records", "none")
                        .description("The record sets of each Route53 failover record: set identifier, role and"
                                + " the health check that decides.")
                        .query(
                                "max by (record, set_identifier, role, health_check)"
                                        + " (tierlens_dr_failover_record_info{" + R + "})",
                                "")
                        .column("Value", "")
                        .size(24, 5))
                .panel(timeseries("Active site over time", "none")
                        .description("1 while a site serves its record; a failover drill shows as a swap.")
                        .query("max by (record, site) (tierlens_dr_active_site{" + R + "})", "{{record}} {{site}}")
                        .min(0)
                        .max(1))
                .panel(timeseries("Failovers", "short")
                        .description("Changes of the serving site per record in each interval, as whole numbers"
                                + " (increase() extrapolates, so it is rounded).")
                        .query(
                                "round(sum by (record) (increase(tierlens_dr_failovers_total{" + R
                                        + "}[$__rate_interval]))) or sum by (record) (0 *"
                                        + " tierlens_dr_failover_record_info{" + R + "})",
                                "{{record}}"));
    }

    private static void healthChecks(Dashboard.Builder d) {
        d.row("Route53 health checks")
                .panel(stat("Health checks", "none")
                        .description("Route53's aggregate verdict per health check.")
                        .query("min by (name) (tierlens_dr_health_check_healthy{" + J + "})", "{{name}}")
                        .upDown("healthy", "unhealthy")
                        .showNames()
                        .size(12, 6))
                .panel(timeseries("Checker regions reporting healthy", "percentunit")
                        .description("Share of Route53's checker regions that see each endpoint healthy; Route53"
                                + " declares it unhealthy when fewer than its threshold do.")
                        .query("min by (name) (tierlens_dr_health_check_healthy_ratio{" + J + "})", "{{name}}")
                        .min(0)
                        .max(1))
                .panel(table("Health check failure reasons", "none")
                        .description("Why Route53's checkers last saw each failing health check fail: timeout,"
                                + " connection_refused, http_status, string_mismatch, ssl, dns or other. Empty while"
                                + " every check passes.")
                        .query("max by (name, reason) (tierlens_dr_health_check_last_failure{" + J + "}) == 1", "")
                        .column("Value", "")
                        .size(24, 5));
    }

    private static void probes(Dashboard.Builder d) {
        d.row("Probes of both sites")
                .panel(stat("Probe result", "none")
                        .description("tierlens' HTTP probe of each site's endpoint.")
                        .query("min by (site, target) (tierlens_dr_probe_success{" + S + "})", "{{site}} {{target}}")
                        .upDown("OK", "FAILING")
                        .showNames()
                        .size(12, 6))
                .panel(timeseries("Probe duration", "s")
                        .description("Time each probe took, DNS, TLS and response included.")
                        .query(
                                "max by (site, target) (tierlens_dr_probe_duration_seconds{" + S + "})",
                                "{{site}} {{target}}"))
                .panel(table("Probe HTTP status", "none")
                        .description("HTTP status of the last probe of each endpoint.")
                        .query("max by (site, target) (tierlens_dr_probe_http_status{" + S + "})", "")
                        .column("Value", "HTTP status")
                        .size(12, 6))
                .panel(stat("TLS certificate expires in", "s")
                        .description("Time until the certificate each endpoint serves expires.")
                        .query(
                                "min by (site, target) (tierlens_dr_probe_tls_expiry_timestamp_seconds{" + S
                                        + "}) - time()",
                                "{{site}} {{target}}")
                        .thresholdsLowIsBad(7 * 86400, 14 * 86400)
                        .showNames()
                        .size(12, 6))
                .panel(table("Probe failure reasons", "none")
                        .description(
                                "Why each failing probe failed: timeout, connection_refused, http_status, ssl, dns, ..."
                                        + " Empty while every probe succeeds.")
                        .query("max by (site, target, reason) (tierlens_dr_probe_failure{" + S + "}) == 1", "")
                        .column("Value", "")
                        .size(24, 5));
    }

    private static void rpoRto(Dashboard.Builder d) {
        d.row("RPO, RTO and drills")
                .panel(linkTo(
                        bars("RPO used", "percentunit")
                                .description("Age of the newest copy the DR site can use as a share of the RPO"
                                        + " target; above 100 % a failover loses more data than agreed.")
                                .query(
                                        "max by (site) (tierlens_dr_rpo_seconds{" + S
                                                + "}) / max by (site) (tierlens_dr_rpo_target_seconds{" + S + "})",
                                        "{{site}}")
                                .min(0)
                                .max(1.2)
                                .thresholds(0.8, 1)
                                .size(8, 6),
                        TierlensDashboard.RDS_BACKUP))
                .panel(timeseries("Newest DR copy age and RPO target", "s")
                        .description("Age of the newest copy usable by the DR site, against the RPO target.")
                        .query("max by (site) (tierlens_dr_rpo_seconds{" + S + "})", "{{site}} copy age")
                        .query("max by (site) (tierlens_dr_rpo_target_seconds{" + S + "})", "{{site}} RPO target")
                        .size(16, 6))
                .panel(bars("Last drill RTO / target", "percentunit")
                        .description("Time the last failover drill took to restore service, as a share of the RTO"
                                + " target.")
                        .query(
                                "max by (site) (tierlens_dr_last_drill_rto_seconds{" + S
                                        + "}) / max by (site) (tierlens_dr_rto_target_seconds{" + S + "})",
                                "{{site}}")
                        .min(0)
                        .max(1.2)
                        .thresholds(0.8, 1)
                        .size(8, 6))
                .panel(stat("Last drill RTO", "s")
                        .description("Time the last failover drill took to restore service, per site.")
                        .query("max by (site) (tierlens_dr_last_drill_rto_seconds{" + S + "})", "{{site}}")
                        .showNames()
                        .size(8, 6))
                .panel(stat("Time since last drill", "s")
                        .description("Time since the last failover drill, per site; drills are due every 90 days.")
                        .query(
                                "time() - max by (site) (tierlens_dr_last_drill_timestamp_seconds{" + S + "})",
                                "{{site}}")
                        .thresholds(60 * 86400, 90 * 86400)
                        .showNames()
                        .size(8, 6));
    }

    /** The DR site on Azure: its VM and database as ARM reports them, and the dumps as the storage holds them. */
    private static void azureSite(Dashboard.Builder d) {
        d.row("Azure DR site")
                .panel(stat("DR site resources", "none")
                        .description("Whether each VM and database of the DR site could serve now, as Azure Resource"
                                + " Manager reports it (VM running and provisioned, database Ready).")
                        .query("min by (kind, name) (tierlens_dr_site_resource_up{" + S + "})", "{{kind}} {{name}}")
                        .upDown("ready", "NOT READY")
                        .showNames()
                        .size(12, 6))
                .panel(table("DR site resource states", "none")
                        .description("Power or run state, provisioning state and replication role of each DR site"
                                + " resource.")
                        .query(
                                "max by (kind, name, state, provisioning_state, replication_role)"
                                        + " (tierlens_dr_site_resource_info{" + S + "})",
                                "")
                        .column("Value", "")
                        .size(12, 6))
                .panel(stat("Newest dump age", "s")
                        .description("Time since the newest dump arrived in each store of the DR site, read from the"
                                + " storage itself; the RPO is 24 h in the seed project.")
                        .query(
                                "time() - max by (store) (tierlens_dr_backup_newest_timestamp_seconds{" + S + "})",
                                "{{store}}")
                        .thresholds(20 * 3600, 24 * 3600)
                        .showNames()
                        .size(8, 6))
                .panel(bars("Newest dump size / usual", "percentunit")
                        .description("Size of the newest dump over the median of the dumps before it; far below"
                                + " 100 % the dump is probably truncated.")
                        .query("max by (store) (tierlens_dr_backup_newest_size_ratio{" + S + "})", "{{store}}")
                        .min(0)
                        .max(1.5)
                        .thresholdsLowIsBad(0.5, 0.8)
                        .size(8, 6))
                .panel(stat("Dumps within retention", "none")
                        .description("Number of dumps in each store younger than its retention window.")
                        .query("max by (store) (tierlens_dr_backup_objects{" + S + "})", "{{store}}")
                        .showNames()
                        .size(8, 6))
                .panel(timeseries("Newest dump size", "bytes")
                        .description("Size of the newest dump in each store over time: each night's dump shows as"
                                + " a step.")
                        .query("max by (store) (tierlens_dr_backup_newest_size_bytes{" + S + "})", "{{store}}"))
                .panel(timeseries("Azure targets up", "none")
                        .description("1 while tierlens reads each Azure part (ARM per resource group, Blob per"
                                + " store) fully; 0 means the panels above show kept or no data.")
                        .query(
                                "min by (target) (tierlens_target_up{job=~\"$job\", exporter=\"dr\","
                                        + " target=~\"azure-.*\"} unless on (job, instance) (tierlens_leader == 0))",
                                "{{target}}")
                        .min(0)
                        .max(1));
    }
}
