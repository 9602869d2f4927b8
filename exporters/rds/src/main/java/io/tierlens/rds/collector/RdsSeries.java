package io.tierlens.rds.collector;

import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.RdsInventory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every AWS/RDS CloudWatch metric the RDS exporter asks for, with the statistic of ANCHORS.md and the family it
 * becomes: connections as Maximum (never Sum), free storage and memory as Minimum (the worst moment of the
 * period), IOPS as Average (never Sum), latency as Average and Maximum, replica lag as Maximum, burst balance
 * as Minimum. Percentages are exported as ratios (0–1); latencies and lag are already seconds and storage bytes.
 */
public enum RdsSeries {
    CPU_AVERAGE("CPUUtilization", "Average", Family.CPU, 0.01, Applies.ALL),
    CPU_MAXIMUM("CPUUtilization", "Maximum", Family.CPU, 0.01, Applies.ALL),
    CONNECTIONS("DatabaseConnections", "Maximum", Family.CONNECTIONS, 1, Applies.ALL),
    FREE_STORAGE("FreeStorageSpace", "Minimum", Family.FREE_STORAGE, 1, Applies.OWN_STORAGE),
    FREEABLE_MEMORY("FreeableMemory", "Minimum", Family.FREEABLE_MEMORY, 1, Applies.ALL),
    SWAP_USAGE("SwapUsage", "Maximum", Family.SWAP_USAGE, 1, Applies.ALL),
    READ_IOPS("ReadIOPS", "Average", Family.READ_IOPS, 1, Applies.ALL),
    WRITE_IOPS("WriteIOPS", "Average", Family.WRITE_IOPS, 1, Applies.ALL),
    READ_LATENCY("ReadLatency", "Average", Family.READ_LATENCY, 1, Applies.ALL),
    READ_LATENCY_MAX("ReadLatency", "Maximum", Family.READ_LATENCY_MAX, 1, Applies.ALL),
    WRITE_LATENCY("WriteLatency", "Average", Family.WRITE_LATENCY, 1, Applies.ALL),
    WRITE_LATENCY_MAX("WriteLatency", "Maximum", Family.WRITE_LATENCY_MAX, 1, Applies.ALL),
    DISK_QUEUE_DEPTH("DiskQueueDepth", "Average", Family.DISK_QUEUE_DEPTH, 1, Applies.ALL),
    REPLICA_LAG("ReplicaLag", "Maximum", Family.REPLICA_LAG, 1, Applies.READ_REPLICA),
    BURST_BALANCE("BurstBalance", "Minimum", Family.BURST_BALANCE, 0.01, Applies.GP2);

    /** Which instances a metric exists for: asking for the others would be billed and return nothing. */
    public enum Applies {
        ALL,
        /** Not Aurora: Aurora instances share the cluster volume and publish no FreeStorageSpace. */
        OWN_STORAGE,
        /** Read replicas outside Aurora (Aurora publishes AuroraReplicaLag instead). */
        READ_REPLICA,
        /** gp2 volumes: the only RDS storage with an I/O burst bucket. */
        GP2
    }

    /** An exported family: its METRICS.md name and help; {@link #CPU} has the {@code statistic} label. */
    public enum Family {
        CPU("tierlens_rds_cpu_utilization_ratio", "CPU utilization as a ratio (0-1), by statistic over the period."),
        CONNECTIONS(
                "tierlens_rds_database_connections",
                "Client connections, most during the period (CloudWatch DatabaseConnections, Maximum)."),
        FREE_STORAGE(
                "tierlens_rds_free_storage_bytes",
                "Free storage, least during the period (CloudWatch FreeStorageSpace, Minimum)."),
        FREEABLE_MEMORY(
                "tierlens_rds_freeable_memory_bytes",
                "Freeable memory, least during the period (CloudWatch FreeableMemory, Minimum)."),
        SWAP_USAGE("tierlens_rds_swap_usage_bytes", "Swap in use, most during the period (SwapUsage, Maximum)."),
        READ_IOPS("tierlens_rds_read_iops", "Disk read operations per second (ReadIOPS, Average)."),
        WRITE_IOPS("tierlens_rds_write_iops", "Disk write operations per second (WriteIOPS, Average)."),
        READ_LATENCY("tierlens_rds_read_latency_seconds", "Average time per disk read (ReadLatency, Average)."),
        READ_LATENCY_MAX(
                "tierlens_rds_read_latency_max_seconds",
                "Highest disk read latency in the period (ReadLatency, Maximum)."),
        WRITE_LATENCY("tierlens_rds_write_latency_seconds", "Average time per disk write (WriteLatency, Average)."),
        WRITE_LATENCY_MAX(
                "tierlens_rds_write_latency_max_seconds",
                "Highest disk write latency in the period (WriteLatency, Maximum)."),
        DISK_QUEUE_DEPTH("tierlens_rds_disk_queue_depth", "Outstanding disk I/O requests (DiskQueueDepth, Average)."),
        REPLICA_LAG(
                "tierlens_rds_replica_lag_seconds",
                "How far the read replica is behind its source, most during the period (ReplicaLag, Maximum)."),
        BURST_BALANCE(
                "tierlens_rds_burst_balance_ratio",
                "gp2 I/O burst credits left as a ratio (0-1), least during the period (BurstBalance, Minimum).");

        private final String metricName;
        private final String help;

        Family(String metricName, String help) {
            this.metricName = metricName;
            this.help = help;
        }

        public String metricName() {
            return metricName;
        }

        public String help() {
            return help;
        }
    }

    private final String cloudWatchName;
    private final String statistic;
    private final Family family;
    private final double scale;
    private final Applies applies;

    RdsSeries(String cloudWatchName, String statistic, Family family, double scale, Applies applies) {
        this.cloudWatchName = cloudWatchName;
        this.statistic = statistic;
        this.family = family;
        this.scale = scale;
        this.applies = applies;
    }

    /** The name used in {@code exporters.rds.classes}: the constant in lower case, e.g. {@code cpu_maximum}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> configNames() {
        return java.util.Arrays.stream(values()).map(RdsSeries::configName).toList();
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }

    public String statistic() {
        return statistic;
    }

    /** The {@code statistic} label value, for families that have one. */
    public Optional<String> statisticLabel() {
        return family == Family.CPU ? Optional.of(statistic.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    public Family family() {
        return family;
    }

    /** Factor from the CloudWatch unit to the exported base unit (percent → ratio). */
    public double scale() {
        return scale;
    }

    public boolean appliesTo(DbInstance instance, RdsInventory inventory) {
        boolean aurora = instance.engine().startsWith("aurora");
        return switch (applies) {
            case ALL -> true;
            case OWN_STORAGE -> !aurora;
            case READ_REPLICA -> !aurora && inventory.role(instance).equals(RdsInventory.READER);
            case GP2 -> instance.storageType().equals("gp2");
        };
    }
}
