package io.tierlens.backup.testing;

import io.tierlens.backup.client.BackupApi;
import io.tierlens.backup.model.BackupJob;
import io.tierlens.backup.model.BackupVault;
import io.tierlens.backup.model.ProtectedResource;
import io.tierlens.backup.model.RecoveryPoint;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An AWS Backup account the test fills in. Filters behave like the real API's; every call and its argument are
 * recorded, and any operation can fail.
 */
public final class FakeBackupApi implements BackupApi {

    /** Registers this fake as {@code BackupApi} of every target of {@code env}; call once per environment. */
    public static TestEnvironment.Fakes<FakeBackupApi> in(TestEnvironment env) {
        return env.fakes(BackupApi.class, t -> new FakeBackupApi());
    }

    public final List<BackupVault> vaults = new ArrayList<>();
    public final List<BackupJob> jobs = new ArrayList<>();
    public final List<ProtectedResource> resources = new ArrayList<>();
    public final List<RecoveryPoint> points = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    private final Map<String, Supplier<RuntimeException>> failures = new HashMap<>();

    public void fail(String operation, Supplier<RuntimeException> error) {
        failures.put(operation, error);
    }

    public void heal() {
        failures.clear();
    }

    public long calls(String operation) {
        return calls.stream().filter(c -> c.startsWith(operation + "(")).count();
    }

    private void call(String operation, String argument) {
        calls.add(operation + "(" + argument + ")");
        Supplier<RuntimeException> f = failures.get(operation);
        if (f != null) {
            throw f.get();
        }
    }

    @Override
    public List<BackupVault> listBackupVaults() {
        call("ListBackupVaults", "");
        return List.copyOf(vaults);
    }

    @Override
    public List<BackupJob> listBackupJobs(Instant createdAfter) {
        call("ListBackupJobs", createdAfter.toString());
        return jobs.stream().filter(j -> j.created().isAfter(createdAfter)).toList();
    }

    @Override
    public List<ProtectedResource> listProtectedResources() {
        call("ListProtectedResources", "");
        return List.copyOf(resources);
    }

    @Override
    public List<RecoveryPoint> listRecoveryPointsByBackupVault(String vault, Instant createdAfter) {
        call("ListRecoveryPointsByBackupVault", vault);
        return points.stream()
                .filter(p -> p.vault().equals(vault) && p.created().isAfter(createdAfter))
                .toList();
    }

    @Override
    public List<RecoveryPoint> listRecoveryPointsByResource(String resourceArn, String resourceType) {
        call("ListRecoveryPointsByResource", resourceArn);
        return points.stream()
                .filter(p -> p.resourceArn().equals(resourceArn))
                .map(p -> new RecoveryPoint(
                        p.vault(), p.resourceArn(), resourceType, p.status(), p.created(), Optional.empty()))
                .toList();
    }

    public static BackupJob job(
            String vault, String arn, String state, String category, Instant created, Instant done) {
        return new BackupJob(
                vault, arn, "RDS", state, Optional.ofNullable(category), created, Optional.ofNullable(done), false);
    }

    public static RecoveryPoint point(String vault, String arn, String status, Instant created, Instant done) {
        return new RecoveryPoint(vault, arn, "RDS", status, created, Optional.ofNullable(done));
    }
}
