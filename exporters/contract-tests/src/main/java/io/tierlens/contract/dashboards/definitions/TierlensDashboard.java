package io.tierlens.contract.dashboards.definitions;

import io.tierlens.contract.dashboards.model.Dashboard;

/** The nine dashboards, numbered as the seed project numbered them (there is no 008). */
public enum TierlensDashboard {
    SYSTEM_OVERVIEW("001", "system-overview", "System Overview"),
    AWS_INFRASTRUCTURE("002", "aws-infrastructure", "AWS Infrastructure"),
    JVM("003", "jvm", "JVM"),
    KARPENTER("004", "karpenter", "Karpenter"),
    COST("005", "cost", "Cost"),
    DR_STATUS("006", "dr-status", "DR Status"),
    SESSION("007", "session", "Session"),
    RDS_BACKUP("009", "rds-backup", "RDS Backup"),
    BATCH_JOBS("010", "pushgateway-batch-jobs", "Pushgateway Batch Jobs");

    private final String number;
    private final String slug;
    private final String name;

    TierlensDashboard(String number, String slug, String name) {
        this.number = number;
        this.slug = slug;
        this.name = name;
    }

    public String number() {
        return number;
    }

    public String uid() {
        return Dashboard.uid(number, slug);
    }

    public String shortTitle() {
        return number + " " + name;
    }

    Dashboard.Builder builder() {
        return Dashboard.builder(number, slug, name);
    }
}
