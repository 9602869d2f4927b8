package io.tierlens.backup.testing;

import io.tierlens.backup.client.RdsBackupApi;
import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** An RDS account's backup view the test fills in; counts calls and can fail any operation. */
public final class FakeRdsBackupApi implements RdsBackupApi {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";

    /** Registers this fake as {@code RdsBackupApi} of every target of {@code env}; call once per environment. */
    public static TestEnvironment.Fakes<FakeRdsBackupApi> in(TestEnvironment env) {
        return env.fakes(RdsBackupApi.class, t -> new FakeRdsBackupApi());
    }

    public final List<DbBackupState> instances = new ArrayList<>();
    public final List<DbSnapshot> snapshots = new ArrayList<>();
    public final List<AutomatedBackup> automatedBackups = new ArrayList<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private final Map<String, Supplier<RuntimeException>> failures = new HashMap<>();

    public void fail(String operation, Supplier<RuntimeException> error) {
        failures.put(operation, error);
    }

    public void heal() {
        failures.clear();
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    private void call(String operation) {
        calls.merge(operation, 1, Integer::sum);
        Supplier<RuntimeException> f = failures.get(operation);
        if (f != null) {
            throw f.get();
        }
    }

    @Override
    public List<DbBackupState> describeDbInstances() {
        call("DescribeDBInstances");
        return List.copyOf(instances);
    }

    @Override
    public List<DbSnapshot> describeDbSnapshots() {
        call("DescribeDBSnapshots");
        return List.copyOf(snapshots);
    }

    @Override
    public List<AutomatedBackup> describeDbInstanceAutomatedBackups() {
        call("DescribeDBInstanceAutomatedBackups");
        return List.copyOf(automatedBackups);
    }

    public static String arn(String id) {
        return "arn:aws:rds:" + REGION + ":" + ACCOUNT + ":db:" + id;
    }

    /** A primary MySQL instance with backups on (7 days) and the given latest restorable time. */
    public static DbBackupState primary(String id, Instant latestRestorable) {
        return new DbBackupState(
                id,
                arn(id),
                "mysql",
                "available",
                7,
                Optional.of(latestRestorable),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Map.of());
    }

    public static DbBackupState withRetention(DbBackupState i, int days) {
        return new DbBackupState(
                i.identifier(),
                i.arn(),
                i.engine(),
                i.status(),
                days,
                i.latestRestorableTime(),
                i.clusterIdentifier(),
                i.replicaSource(),
                i.replicationRegions(),
                i.tags());
    }

    public static DbBackupState replica(String id, String source) {
        return new DbBackupState(
                id,
                arn(id),
                "mysql",
                "available",
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.of(source),
                List.of(),
                Map.of());
    }

    public static DbSnapshot snapshot(String id, String type, Instant created) {
        return new DbSnapshot(id, type, "available", Optional.of(created), 200);
    }
}
