package io.tierlens.core.exporter;

import io.tierlens.core.cloudwatch.CloudWatchFetchException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A failure as text fit for a log line that repeats every refresh: AWS's error code and HTTP status, or the
 * exception's type. Never AWS's message: it names principals (role and user ARNs) and carries request ids.
 * {@link FailureReason} is the bounded label; this is the short human detail beside it.
 */
public final class SafeErrorText {
    /** Cause chains can be cyclic; unwrapping stops after this many links. */
    private static final int MAX_CAUSE_DEPTH = 16;

    private SafeErrorText() {}

    /** E.g. {@code AccessDenied (HTTP 403)}, or {@code SdkClientException} for a failure without an error code. */
    public static String describe(Throwable e) {
        Throwable t = e;
        // Our own wrappers carry the AWS exception as their cause; describe what AWS said, not the wrapper.
        for (int i = 0; i < MAX_CAUSE_DEPTH && t instanceof CloudWatchFetchException && t.getCause() != null; i++) {
            t = t.getCause();
        }
        if (t instanceof AwsServiceException a
                && a.awsErrorDetails() != null
                && a.awsErrorDetails().errorCode() != null) {
            return a.awsErrorDetails().errorCode() + " (HTTP " + a.statusCode() + ")";
        }
        if (t instanceof AwsServiceException a) {
            return t.getClass().getSimpleName() + " (HTTP " + a.statusCode() + ")";
        }
        return t.getClass().getSimpleName();
    }
}
