package io.tierlens.core.aws.query;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * One HTTP attempt over the shared SDK HTTP client, bounded in time and size: the request is aborted when the
 * attempt timeout passes (as the SDK's own attempt timer does), and a body larger than {@link #MAX_BODY_BYTES}
 * is refused rather than buffered. A slow or endless answer therefore ends in a timeout, never a hang.
 */
final class QueryAttempt {
    /** A page of 100 DB instances is well under a megabyte; this bound only stops garbage. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    /** What the server answered. */
    record Answer(SdkHttpResponse response, byte[] body) {
        int status() {
            return response.statusCode();
        }
    }

    private QueryAttempt() {}

    static Answer send(
            SdkHttpClient http, HttpExecuteRequest request, Duration timeout, ScheduledExecutorService timer) {
        ExecutableHttpRequest call = http.prepareRequest(request);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> abort = timer.schedule(
                () -> {
                    timedOut.set(true);
                    call.abort();
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            HttpExecuteResponse response = call.call();
            byte[] body = response.responseBody().isPresent()
                    ? read(response.responseBody().get())
                    : new byte[0];
            if (timedOut.get()) {
                throw ApiCallAttemptTimeoutException.create(timeout.toMillis());
            }
            return new Answer(response.httpResponse(), body);
        } catch (IOException | RuntimeException e) {
            if (timedOut.get()) {
                throw ApiCallAttemptTimeoutException.create(timeout.toMillis());
            }
            if (e instanceof MalformedResponseException m) {
                throw m;
            }
            // the SDK's own wrapping of transport failures: its retry strategy retries an IOException cause, and
            // FailureReason reads the root cause (SocketTimeoutException is a timeout, the rest unreachable)
            throw SdkClientException.builder()
                    .message("Unable to execute HTTP request: " + e.getClass().getSimpleName())
                    .cause(e)
                    .build();
        } finally {
            abort.cancel(false);
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new MalformedResponseException("the answer is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }
}
