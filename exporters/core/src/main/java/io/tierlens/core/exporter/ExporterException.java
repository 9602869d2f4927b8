package io.tierlens.core.exporter;

/**
 * A refresh failure with a bounded reason chosen by the exporter (for example {@code wrong_password},
 * {@code not_configured}). The reason becomes the {@code reason} label of
 * {@code tierlens_refresh_errors_total}; the message is logged and must not contain secrets.
 */
public class ExporterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public ExporterException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ExporterException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
