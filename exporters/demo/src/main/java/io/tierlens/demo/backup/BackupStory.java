package io.tierlens.demo.backup;

import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.BackupJob;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.backup.model.RecoveryPoint;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.demo.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The backup history of the demo, as it looks at a real instant. Every 30-minute scenario cycle replays one day
 * of {@code shop-db-1}'s AWS Backup plan "shop-nightly" (times are scenario minutes of the cycle, see
 * docs/demo.md):
 *
 * <ul>
 *   <li>yesterday's nightly backup started 24 h before minute 10 and finished 24 h before minute 12, so its
 *       recovery point and {@code awsbackup} snapshot age past the 24 h RPO at minute 10 and the last success at
 *       minute 12;
 *   <li>tonight's nightly job starts at minute 10 and FAILS at minute 13;
 *   <li>an on-demand retry starts at minute 24 and completes at minute 27: the RPO is met again.
 * </ul>
 *
 * RDS itself takes daily automated snapshots at 18:00 UTC (retention 7 days) of every primary instance; the read
 * replica {@code shop-db-2} has backups off (retention 0). {@code shop-db-1}'s automated backups are replicated
 * to a DR region. Durations between events scale with the scenario speed, so the story keeps its shape at any
 * {@code --speed}.
 */
public final class BackupStory {
    public static final String WRITER = "shop-db-1";
    public static final String READER = "shop-db-2";
    public static final String VAULT = "shop-nightly";
    public static final int LAST_NIGHTLY_RPO_PASSED_MINUTE = 10;
    public static final int LAST_SUCCESS_RPO_PASSED_MINUTE = 12;
    public static final int NIGHTLY_START_MINUTE = 10;
    public static final int NIGHTLY_FAILED_MINUTE = 13;
    public static final int RETRY_START_MINUTE = 24;
    public static final int RETRY_DONE_MINUTE = 27;
    static final Duration DAY = Duration.ofDays(1);
    static final int RETENTION_DAYS = 7;
    static final int ALLOCATED_GIB = 200;

    private final Scenario scenario;
    private final int databases;

    public BackupStory(Scenario scenario) {
        this.scenario = scenario;
        this.databases = Math.max(2, scenario.scale());
    }

    /** The same DR region for every run: Tokyo for the Seoul demo, Osaka if the demo itself runs in Tokyo. */
    static String drRegion(AwsTarget target) {
        return target.region().equals("ap-northeast-1") ? "ap-northeast-3" : "ap-northeast-1";
    }

    static String arn(AwsTarget target, String id) {
        return "arn:aws:rds:" + target.region() + ":" + target.accountId() + ":db:" + id;
    }

    List<String> identifiers() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= databases; i++) {
            out.add(String.format(Locale.ROOT, "shop-db-%d", i));
        }
        return out;
    }

    /** Real instant of scenario minute {@code minute} of the cycle {@code now} is in. */
    Instant at(Instant now, int minute) {
        long cycleMs = scenario.inCycle(now).toMillis();
        Instant cycleStart = now.minusMillis((long) (cycleMs / scenario.speed()));
        return cycleStart.plusMillis((long) (minute * 60_000L / scenario.speed()));
    }

    List<DbBackupState> instances(AwsTarget target, Instant now) {
        List<DbBackupState> out = new ArrayList<>();
        for (String id : identifiers()) {
            boolean reader = id.equals(READER);
            out.add(new DbBackupState(
                    id,
                    arn(target, id),
                    "mysql",
                    "available",
                    reader ? 0 : RETENTION_DAYS,
                    reader ? Optional.empty() : Optional.of(now.minus(Duration.ofMinutes(5))),
                    Optional.empty(),
                    reader ? Optional.of(WRITER) : Optional.empty(),
                    id.equals(WRITER) ? List.of(drRegion(target)) : List.of(),
                    Map.of("app", "shop")));
        }
        return out;
    }

    List<DbSnapshot> snapshots(Instant now) {
        List<DbSnapshot> out = new ArrayList<>();
        ZonedDateTime today = now.atZone(ZoneOffset.UTC)
                .withHour(18)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        Instant newestAutomated =
                today.toInstant().isAfter(now) ? today.minusDays(1).toInstant() : today.toInstant();
        for (String id : identifiers()) {
            if (id.equals(READER)) {
                continue;
            }
            for (int d = 0; d < RETENTION_DAYS; d++) {
                out.add(new DbSnapshot(
                        id,
                        DbSnapshot.AUTOMATED,
                        "available",
                        Optional.of(newestAutomated.minus(DAY.multipliedBy(d))),
                        ALLOCATED_GIB));
            }
        }
        out.add(new DbSnapshot(
                WRITER,
                DbSnapshot.MANUAL,
                "available",
                Optional.of(scenario.realStart().minus(Duration.ofDays(10))),
                ALLOCATED_GIB));
        for (Backup b : awsBackups(now)) {
            out.add(new DbSnapshot(
                    WRITER,
                    DbSnapshot.AWS_BACKUP,
                    b.done(now) ? "available" : "creating",
                    Optional.of(b.started()),
                    ALLOCATED_GIB));
        }
        return out;
    }

    List<AutomatedBackup> automatedBackups(AwsTarget target, Instant now) {
        List<AutomatedBackup> out = new ArrayList<>();
        for (String id : identifiers()) {
            if (!id.equals(READER)) {
                out.add(new AutomatedBackup(
                        id,
                        target.region(),
                        "active",
                        Optional.of(now.minus(Duration.ofMinutes(5))),
                        id.equals(WRITER) ? List.of(drRegion(target)) : List.of()));
            }
        }
        return out;
    }

    List<BackupJob> jobs(AwsTarget target, Instant now) {
        List<BackupJob> out = new ArrayList<>();
        for (Backup b : awsBackups(now)) {
            String state = b.done(now) ? b.finalState() : "RUNNING";
            out.add(new BackupJob(
                    VAULT,
                    arn(target, WRITER),
                    "RDS",
                    state,
                    b.done(now) ? Optional.of(b.messageCategory()) : Optional.empty(),
                    b.started(),
                    b.done(now) ? Optional.of(b.finished()) : Optional.empty(),
                    false));
        }
        return out;
    }

    /** Recovery points of successful backups; one being written shows as CREATING. */
    List<RecoveryPoint> recoveryPoints(AwsTarget target, Instant now) {
        List<RecoveryPoint> out = new ArrayList<>();
        for (Backup b : awsBackups(now)) {
            if (!b.finalState().equals("COMPLETED")) {
                continue;
            }
            boolean done = b.done(now);
            out.add(new RecoveryPoint(
                    VAULT,
                    arn(target, WRITER),
                    "RDS",
                    done ? "COMPLETED" : "CREATING",
                    b.started(),
                    done ? Optional.of(b.finished()) : Optional.empty()));
        }
        return out;
    }

    /** The AWS Backup runs that have started by {@code now}, oldest first. */
    List<Backup> awsBackups(Instant now) {
        List<Backup> all = List.of(
                new Backup(
                        at(now, NIGHTLY_START_MINUTE).minus(DAY.multipliedBy(2)),
                        at(now, LAST_SUCCESS_RPO_PASSED_MINUTE).minus(DAY.multipliedBy(2)),
                        "COMPLETED",
                        "InvalidParameters"),
                new Backup(
                        at(now, LAST_NIGHTLY_RPO_PASSED_MINUTE).minus(DAY),
                        at(now, LAST_SUCCESS_RPO_PASSED_MINUTE).minus(DAY),
                        "COMPLETED",
                        "SUCCESS"),
                new Backup(at(now, NIGHTLY_START_MINUTE), at(now, NIGHTLY_FAILED_MINUTE), "FAILED", "AccessDenied"),
                new Backup(at(now, RETRY_START_MINUTE), at(now, RETRY_DONE_MINUTE), "COMPLETED", "SUCCESS"));
        return all.stream().filter(b -> !b.started().isAfter(now)).toList();
    }

    /** One AWS Backup run: its job and, when it succeeds, its recovery point and snapshot. */
    record Backup(Instant started, Instant finished, String finalState, String messageCategory) {
        boolean done(Instant now) {
            return !finished.isAfter(now);
        }
    }
}
