package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.bars;
import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.table;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.dashboards.model.Dashboard;

/** 009: is there a restorable copy newer than the RPO for every resource? PITR, snapshots, AWS Backup. */
final class RdsBackup {
    private static final String J = "job=~\"$job\"";
    private static final String D = "job=~\"$job\", db_instance=~\"$db_instance\"";
    private static final String V = "job=~\"$job\", vault=~\"$vault\"";

    private RdsBackup() {}

    static Dashboard build() {
        Dashboard.Builder d = TierlensDashboard.RDS_BACKUP
                .builder()
                .description("Do we have a restorable copy newer than the RPO for every protected resource? RDS"
                        + " point-in-time restore, RDS snapshots and their cross-region replication, AWS Backup"
                        + " jobs and recovery points, and resources no backup covers.")
                .variable("job", "tierlens job", "label_values(tierlens_build_info, job)")
                .variable(
                        "db_instance",
                        "RDS instance",
                        "label_values(tierlens_backup_rds_retention_seconds{job=~\"$job\"}, db_instance)")
                .variable("vault", "Backup vault", "label_values(tierlens_backup_jobs{job=~\"$job\"}, vault)");
        rpo(d);
        pointInTime(d);
        snapshots(d);
        awsBackup(d);
        return d.build();
    }

    private static void rpo(Dashboard.Builder d) {
        d.row("Recovery point objective")
                .panel(bars("Worst required mechanism: copy age / RPO target", "percentunit")
                        .description("For each resource, the worst of the protection mechanisms marked required"
                                + " (exporters.backup.required_mechanisms: AWS Backup job, snapshot, point-in-time"
                                + " restore): the age of that mechanism's newest copy as a share of its RPO target."
                                + " A fresh point-in-time restore does not hide a nightly AWS Backup that failed."
                                + " Computed by the recording rules of alerts/backup.rules.yaml.")
                        .query(
                                "max by (resource) (resource:tierlens_backup_rpo_used:ratio_worst_required)",
                                "{{resource}}")
                        .min(0)
                        .max(1.2)
                        .thresholds(0.8, 1)
                        .size(16, 8))
                .panel(stat("Unprotected resources", "none")
                        .description("Resources that no AWS Backup plan and no RDS automated backup covers, per"
                                + " resource type.")
                        .query(
                                "sum by (resource_type) (tierlens_backup_unprotected_resources{" + J + "})",
                                "{{resource_type}}")
                        .thresholds(0.5, 1)
                        .showNames()
                        .size(8, 8));
    }

    private static void pointInTime(Dashboard.Builder d) {
        String lag =
                "time() - max by (db_instance) (tierlens_backup_rds_latest_restorable_timestamp_seconds{" + D + "})";
        d.row("RDS point-in-time restore")
                .panel(bars("Restorable time lag", "s")
                        .description("How far behind now each instance's latest restorable time is; RDS normally"
                                + " keeps it within 5 minutes.")
                        .query(lag, "{{db_instance}}")
                        .thresholds(900, 3600)
                        .size(8, 8))
                .panel(timeseries("Restorable time lag over time", "s")
                        .description("Latest restorable time lag per instance over time.")
                        .query(lag, "{{db_instance}}")
                        .size(8, 8))
                .panel(bars("Backup retention", "s")
                        .description("Automated backup retention per instance; 0 disables automated backups and"
                                + " point-in-time restore. Red below 1 day, orange below 7 days.")
                        .query(
                                "max by (db_instance) (tierlens_backup_rds_retention_seconds{" + D + "})",
                                "{{db_instance}}")
                        .thresholdsLowIsBad(86400, 7 * 86400)
                        .size(8, 8));
    }

    private static void snapshots(Dashboard.Builder d) {
        d.row("RDS snapshots")
                .panel(bars("Newest snapshot age", "s")
                        .description(
                                "Age of the newest snapshot per instance and type (automated, manual," + " awsbackup).")
                        .query(
                                "time() - max by (db_instance, type) (tierlens_backup_rds_latest_snapshot_timestamp_seconds{"
                                        + D + "})",
                                "{{db_instance}} {{type}}")
                        .thresholds(86400, 93600)
                        .size(8, 8))
                .panel(bars("Snapshots", "short")
                        .description("Snapshots kept per instance and type.")
                        .query(
                                "max by (db_instance, type) (tierlens_backup_rds_snapshots{" + D + "})",
                                "{{db_instance}} {{type}}")
                        .size(8, 8))
                .panel(bars("Newest snapshot size", "bytes")
                        .description("Size of the newest snapshot per instance and type.")
                        .query(
                                "max by (db_instance, type) (tierlens_backup_rds_snapshot_size_bytes{" + D + "})",
                                "{{db_instance}} {{type}}")
                        .size(8, 8))
                .panel(table("Cross-region backup replication", "none")
                        .description("Whether each instance's automated backups are replicated to the region the"
                                + " configuration expects.")
                        .query(
                                "max by (db_instance, destination_region)"
                                        + " (tierlens_backup_rds_cross_region_replication{" + D + "})",
                                "")
                        .column("Value", "Replicated")
                        .mapping("1", "yes", "green")
                        .mapping("0", "NO", "red")
                        .colorBackground()
                        .size(24, 5));
    }

    private static void awsBackup(Dashboard.Builder d) {
        d.row("AWS Backup")
                .panel(timeseries("Backup jobs by state", "short")
                        .description("AWS Backup jobs in the look-back window by state.")
                        .query("sum by (state) (tierlens_backup_jobs{" + V + "})", "{{state}}")
                        .stacked())
                .panel(table("Jobs by vault, resource type and state", "none")
                        .description("AWS Backup jobs in the look-back window per vault, resource type and state.")
                        .query("sum by (vault, resource_type, state) (tierlens_backup_jobs{" + V + "})", "")
                        .column("Value", "Jobs")
                        .size(12, 8))
                .panel(bars("Time since last successful backup", "s")
                        .description("Time since each resource's last successful AWS Backup job.")
                        .query(
                                "time() - max by (vault, resource_type, resource)"
                                        + " (tierlens_backup_last_success_timestamp_seconds{" + V + "})",
                                "{{resource}} ({{resource_type}}, {{vault}})")
                        .thresholds(72000, 86400))
                .panel(bars("Newest recovery point age", "s")
                        .description("Age of each resource's newest AWS Backup recovery point.")
                        .query(
                                "time() - max by (vault, resource_type, resource)"
                                        + " (tierlens_backup_latest_recovery_point_timestamp_seconds{" + V + "})",
                                "{{resource}} ({{resource_type}}, {{vault}})")
                        .thresholds(72000, 86400));
    }
}
