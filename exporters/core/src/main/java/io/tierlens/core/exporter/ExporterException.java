package io.tierlens.core.exporter;

import java.util.List;

/**
 * A refresh failure with a bounded reason chosen by the exporter (for example {@code wrong_password},
 * {@code not_configured}). The reason becomes the {@code reason} label of
 * {@code tierlens_refresh_errors_total}; the message is logged and must not contain secrets.
 */
public class ExporterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final transient List<TargetStatus> targets;

    public ExporterException(String reason, String message) {
        this(reason, message, null, List.of());
    }

    public ExporterException(String reason, String message, Throwable cause) {
        this(reason, message, cause, List.of());
    }

    /** @param targets how each target failed; empty when the failure is the exporter's as a whole */
    public ExporterException(String reason, String message, Throwable cause, List<TargetStatus> targets) {
        super(message, cause);
        this.reason = reason;
        this.targets = List.copyOf(targets);
    }

    public String reason() {
        return reason;
    }

    /** The per-target statuses of the failed refresh, or empty: then every known target failed with {@link #reason}. */
    public List<TargetStatus> targets() {
        return targets;
    }
}
