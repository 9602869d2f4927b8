package io.tierlens.core.cloudwatch;

import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;

/** Some of an exporter's CloudWatch queries could not be fetched this refresh. */
public final class CloudWatchFetchException extends ExporterException {
    private static final long serialVersionUID = 1L;

    public CloudWatchFetchException(String message, Throwable cause) {
        super(FailureReason.of(cause), message + ": " + cause.getMessage(), cause);
    }
}
