package io.tierlens.backup.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * A way a resource can be restored, each with its own age: the newest AWS Backup recovery point, the newest
 * available RDS snapshot (any type), or RDS point-in-time restore (LatestRestorableTime). An RPO is judged per
 * mechanism, because a fresh one (point-in-time restore is always minutes old) must not hide a stale one (a
 * nightly AWS Backup that failed).
 */
public enum BackupMechanism {
    AWS_BACKUP("aws_backup"),
    SNAPSHOT("snapshot"),
    PITR("pitr");

    private final String label;

    BackupMechanism(String label) {
        this.label = label;
    }

    /** The value of the {@code mechanism} label and of {@code exporters.backup.required_mechanisms}. */
    public String label() {
        return label;
    }

    public static Optional<BackupMechanism> ofLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }
}
