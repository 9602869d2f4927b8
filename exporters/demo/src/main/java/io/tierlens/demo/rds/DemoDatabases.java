package io.tierlens.demo.rds;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.demo.Scenario;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.PendingMaintenance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated database tier of the demo: {@code shop-db-1} (MySQL writer, Multi-AZ, gp3, a custom parameter
 * group with {@code max_connections = 1000}) with its read replica {@code shop-db-2} (gp2, default parameter
 * group, so its limit is the engine-default estimate), plus standalone {@code shop-db-3 …} up to the scenario's
 * scale. Dates are fixed relative to the scenario start so every run tells the same story.
 */
public final class DemoDatabases {
    public static final String WRITER = "shop-db-1";
    public static final String READER = "shop-db-2";
    static final String CUSTOM_GROUP = "shop-mysql80";
    static final String DEFAULT_GROUP = "default.mysql8.0";
    static final long WRITER_MAX_CONNECTIONS = 1000;

    private final Scenario scenario;
    private final int count;

    public DemoDatabases(Scenario scenario) {
        this.scenario = scenario;
        // One database per simulated ALB, at least the writer and its replica: at --scale 10 the demo has the
        // 10 ALBs + 10 RDS instances of the cost benchmark.
        this.count = Math.max(2, scenario.scale());
    }

    public List<String> identifiers() {
        List<String> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(String.format(Locale.ROOT, "shop-db-%d", i));
        }
        return out;
    }

    public boolean isReader(String identifier) {
        return identifier.equals(READER);
    }

    public List<DbInstance> instances(AwsTarget target) {
        List<DbInstance> out = new ArrayList<>();
        for (String id : identifiers()) {
            boolean writer = id.equals(WRITER);
            boolean reader = isReader(id);
            out.add(new DbInstance(
                    id,
                    arn(target, id),
                    "mysql",
                    "8.0.39",
                    "db.r6g.large",
                    "available",
                    !reader,
                    reader ? "gp2" : "gp3",
                    200,
                    reader ? Optional.empty() : Optional.of(500),
                    Optional.empty(),
                    reader ? Optional.of(WRITER) : Optional.empty(),
                    writer ? List.of(READER) : List.of(),
                    Optional.of(writer ? CUSTOM_GROUP : DEFAULT_GROUP),
                    Optional.of(scenario.realStart().plus(Duration.ofDays(300))),
                    Map.of("app", "shop", "tier", "db"),
                    Optional.empty()));
        }
        return out;
    }

    /** The writer has a system update that AWS applies by itself 12 days after the demo started. */
    public List<PendingMaintenance> pendingMaintenance(AwsTarget target) {
        Instant autoApply = scenario.realStart().plus(Duration.ofDays(12));
        return List.of(new PendingMaintenance(arn(target, WRITER), "system-update", Optional.of(autoApply)));
    }

    public Map<String, String> userParameters(String group) {
        return group.equals(CUSTOM_GROUP)
                ? Map.of("max_connections", Long.toString(WRITER_MAX_CONNECTIONS), "slow_query_log", "1")
                : Map.of();
    }

    static String arn(AwsTarget target, String id) {
        return "arn:aws:rds:" + target.region() + ":" + target.accountId() + ":db:" + id;
    }
}
