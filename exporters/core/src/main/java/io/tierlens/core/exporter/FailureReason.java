package io.tierlens.core.exporter;

import io.tierlens.core.aws.query.MalformedResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Maps a failure to a small, fixed set of reasons so {@code tierlens_refresh_errors_total{reason}} stays
 * bounded whatever AWS, Redis or Kubernetes throw at us.
 */
public final class FailureReason {
    public static final String ACCESS_DENIED = "access_denied";
    public static final String THROTTLED = "throttled";
    public static final String TIMEOUT = "timeout";
    public static final String UNREACHABLE = "unreachable";
    public static final String REMOTE_ERROR = "remote_error";
    public static final String INVALID_RESPONSE = "invalid_response";
    public static final String INTERNAL = "internal";

    /** Every reason above: {@code tierlens_refresh_errors_total} starts at 0 for each once a target is known. */
    public static final List<String> ALL =
            List.of(ACCESS_DENIED, THROTTLED, TIMEOUT, UNREACHABLE, REMOTE_ERROR, INVALID_RESPONSE, INTERNAL);

    /** Cause chains can be cyclic (A caused by B caused by A); walking them stops after this many links. */
    private static final int MAX_CAUSE_DEPTH = 16;

    private FailureReason() {}

    public static String of(Throwable t) {
        return of(t, 0);
    }

    private static String of(Throwable t, int depth) {
        if (t instanceof ExporterException e) {
            return e.reason();
        }
        if (t instanceof MalformedResponseException) {
            return INVALID_RESPONSE;
        }
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
            return TIMEOUT;
        }
        if (t instanceof SdkServiceException s) {
            if (s.isThrottlingException()) {
                return THROTTLED;
            }
            String code = s instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a
                            && a.awsErrorDetails() != null
                            && a.awsErrorDetails().errorCode() != null
                    ? a.awsErrorDetails().errorCode().toLowerCase(Locale.ROOT)
                    : "";
            if (s.statusCode() == 403 || code.contains("accessdenied") || code.contains("unauthorized")) {
                return ACCESS_DENIED;
            }
            return REMOTE_ERROR;
        }
        if (t instanceof AbortedException) {
            return INTERNAL;
        }
        if (t instanceof SdkClientException || t instanceof IOException || t instanceof UncheckedIOException) {
            Throwable root = t;
            for (int i = 0; i < MAX_CAUSE_DEPTH && root.getCause() != null && root.getCause() != root; i++) {
                root = root.getCause();
            }
            if (root instanceof java.net.SocketTimeoutException || root instanceof java.net.http.HttpTimeoutException) {
                return TIMEOUT;
            }
            return UNREACHABLE;
        }
        if (t instanceof java.util.concurrent.TimeoutException) {
            return TIMEOUT;
        }
        if (t.getCause() != null && t.getCause() != t && depth < MAX_CAUSE_DEPTH) {
            return of(t.getCause(), depth + 1);
        }
        return INTERNAL;
    }
}
