package io.tierlens.backup.collector;

import io.tierlens.backup.model.AwsBackupState;
import io.tierlens.backup.model.BackupJob;
import io.tierlens.backup.model.RecoveryPoint;
import io.tierlens.backup.model.ResourceNames;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.metrics.FamilyBuilder;
import io.tierlens.core.metrics.SnapshotAssembler;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The AWS Backup families of METRICS.md "Backup": jobs in the look-back window by vault, resource type and state;
 * last success and newest recovery point per protected resource; and whether AWS Backup is in use at all. Labels
 * are bounded: vault and resource names, never a job id, recovery point ARN or date. Pure: no I/O, no clock.
 */
public final class AwsBackupCollector {
    static final String CONFIGURED = "tierlens_backup_aws_backup_configured";
    static final String JOBS = "tierlens_backup_jobs";
    static final String LAST_SUCCESS = "tierlens_backup_last_success_timestamp_seconds";
    static final String LATEST_RECOVERY_POINT = "tierlens_backup_latest_recovery_point_timestamp_seconds";

    public void addTo(SnapshotAssembler out, AwsTarget target, AwsBackupState state) {
        String account = target.accountId();
        String region = target.region();
        out.gauge(
                        CONFIGURED,
                        "1 if AWS Backup is in use in this account and region, 0 if ListBackupVaults is denied or finds"
                                + " no vault (the other backup series then come from RDS only).",
                        "account_id",
                        "region")
                .add(state.configured() ? 1 : 0, account, region);
        if (!state.configured()) {
            return;
        }
        jobs(out, account, region, state);
        Map<Key, Instant> lastSuccess = new TreeMap<>();
        Map<Key, Instant> newestPoint = new TreeMap<>();
        for (BackupJob j : state.jobs()) {
            if (!j.parent() && JobStates.succeeded(j)) {
                newer(
                        lastSuccess,
                        Key.of(j.vault(), j.resourceType(), j.resourceArn()),
                        j.completed().orElse(j.created()));
            }
        }
        for (RecoveryPoint p : state.recoveryPoints()) {
            if (!p.usable()) {
                continue;
            }
            Key k = Key.of(p.vault(), p.resourceType(), p.resourceArn());
            newer(newestPoint, k, p.created());
            // A usable recovery point proves a backup (or copy) finished; when it has no completion time, its
            // creation time is an earlier, safe stand-in. This covers copies into other vaults and resources
            // whose last job is older than the window.
            newer(lastSuccess, k, p.completed().orElse(p.created()));
        }
        FamilyBuilder success = resourceGauge(
                out,
                LAST_SUCCESS,
                "When the newest successful backup of the resource into the vault finished, Unix time (from jobs in"
                        + " the look-back window and usable recovery points).");
        lastSuccess.forEach((k, t) -> success.add(seconds(t), account, region, k.vault, k.type, k.resource));
        FamilyBuilder point = resourceGauge(
                out,
                LATEST_RECOVERY_POINT,
                "When the newest usable (COMPLETED or AVAILABLE) recovery point of the resource in the vault was"
                        + " created, Unix time.");
        newestPoint.forEach((k, t) -> point.add(seconds(t), account, region, k.vault, k.type, k.resource));
    }

    /** Counts per (vault, resource type) and state; every state is reported, 0 included, once a pair has a job. */
    private void jobs(SnapshotAssembler out, String account, String region, AwsBackupState state) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (BackupJob j : state.jobs()) {
            if (j.parent()) {
                continue; // its children are listed as jobs of their own
            }
            Optional<String> label = JobStates.of(j);
            if (label.isPresent()) {
                counts.computeIfAbsent(j.vault() + "\u0000" + j.resourceType(), k -> new TreeMap<>())
                        .merge(label.get(), 1, Integer::sum);
            }
        }
        FamilyBuilder f = out.gauge(
                JOBS,
                "AWS Backup jobs created in the look-back window, by vault, resource type and state"
                        + " (completed_with_issues: completed with a status message).",
                "account_id",
                "region",
                "vault",
                "resource_type",
                "state");
        counts.forEach((pair, byState) -> {
            String[] vt = pair.split("\u0000", -1);
            for (String s : JobStates.ALL) {
                f.add(byState.getOrDefault(s, 0), account, region, vt[0], vt[1], s);
            }
        });
    }

    private static FamilyBuilder resourceGauge(SnapshotAssembler out, String name, String help) {
        return out.gauge(name, help, "account_id", "region", "vault", "resource_type", "resource");
    }

    private static void newer(Map<Key, Instant> m, Key k, Instant t) {
        m.merge(k, t, (a, b) -> a.isAfter(b) ? a : b);
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    private record Key(String vault, String type, String resource) implements Comparable<Key> {
        static Key of(String vault, String type, String arn) {
            return new Key(vault, type, ResourceNames.of(arn));
        }

        @Override
        public int compareTo(Key o) {
            int c = vault.compareTo(o.vault);
            if (c == 0) {
                c = type.compareTo(o.type);
            }
            return c != 0 ? c : resource.compareTo(o.resource);
        }
    }
}
