package io.tierlens.demo.rds;

import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.demo.Scenario;
import io.tierlens.demo.SimulatedMetricSource;
import io.tierlens.rds.collector.RdsQueries;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Simulated AWS/RDS datapoints following the scenario: load follows the traffic wave; during the WAS tier's 5xx
 * burst the writer's connections pile up, disk latency and queue depth rise and the replica falls behind
 * (ReplicaLag up to ~30 s) while the replica's gp2 burst balance drains. Values are in CloudWatch's units
 * (percent, bytes, seconds), like the real API.
 */
final class RdsMetricSource implements SimulatedMetricSource {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final Scenario scenario;
    private final DemoDatabases databases;

    RdsMetricSource(Scenario scenario, DemoDatabases databases) {
        this.scenario = scenario;
        this.databases = databases;
    }

    @Override
    public String namespace() {
        return RdsQueries.NAMESPACE;
    }

    @Override
    public OptionalDouble value(MetricQuery query, Instant periodStart) {
        String id = query.dimensions().get("DBInstanceIdentifier");
        if (id == null || !databases.identifiers().contains(id)) {
            return OptionalDouble.empty();
        }
        boolean writer = id.equals(DemoDatabases.WRITER);
        boolean reader = databases.isReader(id);
        double t = scenario.traffic(periodStart);
        boolean burst = scenario.errorBurst(periodStart);
        double noise = Scenario.noise(id + query.metricName(), periodStart.getEpochSecond() / 60);
        double load = writer ? 1.0 : reader ? 0.5 : 0.25;
        boolean max = query.statistic().equals("Maximum");
        double v;
        switch (query.metricName()) {
            case "CPUUtilization" -> {
                v = 8 + load * (55 * t + (burst ? 20 : 0)) + 4 * noise;
                v = Math.min(100, max ? v * 1.3 : v);
            }
            case "DatabaseConnections" ->
                v = Math.round(load * (40 + 260 * t + (burst && writer ? 420 : 0)) + 5 * noise);
            case "FreeStorageSpace" -> {
                double hours = scenario.elapsedAt(periodStart).toMinutes() / 60.0;
                v = (84 - 0.2 * hours - 0.5 * noise) * GIB;
            }
            case "FreeableMemory" -> v = (4.5 - 2.0 * load * t - 0.2 * noise) * GIB;
            case "SwapUsage" -> v = (2 + 3 * noise) * 1024 * 1024;
            case "ReadIOPS" -> v = load * (220 + 1800 * t) + 30 * noise;
            case "WriteIOPS" -> v = (writer || reader ? 150 + 900 * t : 40 + 200 * t) + 20 * noise;
            case "ReadLatency" -> v = (0.0008 + 0.0014 * t) * (burst ? 4 : 1) * (max ? 1.8 : 1) * (1 + 0.1 * noise);
            case "WriteLatency" -> v = (0.0012 + 0.0020 * t) * (burst ? 3 : 1) * (max ? 1.6 : 1) * (1 + 0.1 * noise);
            case "DiskQueueDepth" -> v = load * (0.6 + 3 * t + (burst ? 8 : 0)) + 0.2 * noise;
            case "ReplicaLag" -> {
                if (!reader) {
                    return OptionalDouble.empty();
                }
                v = burst ? 24 + 6 * noise : 0.2 + 1.2 * t * noise;
            }
            case "BurstBalance" -> {
                if (!reader) {
                    return OptionalDouble.empty();
                }
                v = burst ? 62 + 5 * noise : 99 - 4 * t;
            }
            default -> {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.of(Math.max(0, v));
    }
}
