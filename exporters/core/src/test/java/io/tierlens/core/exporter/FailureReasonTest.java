package io.tierlens.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tierlens.core.cloudwatch.SdkCloudWatchApi.UncheckedExporterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;

class FailureReasonTest {

    private static AwsServiceException aws(int status, String code) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                .build();
    }

    @Test
    void throttling() {
        assertThat(FailureReason.of(aws(400, "Throttling"))).isEqualTo("throttled");
        assertThat(FailureReason.of(aws(400, "ThrottlingException"))).isEqualTo("throttled");
        assertThat(FailureReason.of(aws(400, "RequestLimitExceeded"))).isEqualTo("throttled");
        assertThat(FailureReason.of(
                        SdkServiceException.builder().statusCode(429).build()))
                .isEqualTo("throttled");
        assertThat(FailureReason.of(CloudWatchException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("Throttling")
                                .build())
                        .build()))
                .isEqualTo("throttled");
    }

    @Test
    void accessDenied() {
        assertThat(FailureReason.of(aws(403, "Forbidden"))).isEqualTo("access_denied");
        assertThat(FailureReason.of(aws(400, "AccessDenied"))).isEqualTo("access_denied");
        assertThat(FailureReason.of(aws(400, "AccessDeniedException"))).isEqualTo("access_denied");
        assertThat(FailureReason.of(aws(400, "UnauthorizedOperation"))).isEqualTo("access_denied");
        assertThat(FailureReason.of(
                        SdkServiceException.builder().statusCode(403).build()))
                .isEqualTo("access_denied");
    }

    @Test
    void otherServiceErrors() {
        assertThat(FailureReason.of(aws(500, "InternalFailure"))).isEqualTo("remote_error");
        assertThat(FailureReason.of(aws(400, "ValidationError"))).isEqualTo("remote_error");
        assertThat(FailureReason.of(
                        AwsServiceException.builder().statusCode(503).build()))
                .isEqualTo("remote_error");
    }

    @Test
    void timeouts() {
        assertThat(FailureReason.of(ApiCallTimeoutException.create(30_000))).isEqualTo("timeout");
        assertThat(FailureReason.of(ApiCallAttemptTimeoutException.create(10_000)))
                .isEqualTo("timeout");
        assertThat(FailureReason.of(SdkClientException.builder()
                        .cause(new SocketTimeoutException("read timed out"))
                        .build()))
                .isEqualTo("timeout");
        assertThat(FailureReason.of(new SocketTimeoutException())).isEqualTo("timeout");
        assertThat(FailureReason.of(new HttpTimeoutException("request timed out")))
                .isEqualTo("timeout");
        assertThat(FailureReason.of(new TimeoutException())).isEqualTo("timeout");
    }

    @Test
    void connectionProblems() {
        assertThat(FailureReason.of(SdkClientException.builder()
                        .cause(new UnknownHostException("monitoring.eu-west-1.amazonaws.com"))
                        .build()))
                .isEqualTo("unreachable");
        assertThat(FailureReason.of(new ConnectException("refused"))).isEqualTo("unreachable");
        assertThat(FailureReason.of(new IOException("reset"))).isEqualTo("unreachable");
        assertThat(FailureReason.of(new UncheckedIOException(new ConnectException("refused"))))
                .isEqualTo("unreachable");
    }

    @Test
    void wrappedFailuresUseTheirCause() {
        assertThat(FailureReason.of(new CompletionException(aws(400, "Throttling"))))
                .isEqualTo("throttled");
        assertThat(FailureReason.of(new RuntimeException(new SocketTimeoutException())))
                .isEqualTo("timeout");
        assertThat(FailureReason.of(new UncheckedExporterException(
                        new ExporterException(FailureReason.ACCESS_DENIED, "Forbidden"))))
                .isEqualTo("access_denied");
    }

    @Test
    void exporterChosenReasonsPassThrough() {
        assertThat(FailureReason.of(new ExporterException("wrong_password", "AUTH failed")))
                .isEqualTo("wrong_password");
    }

    @Test
    void everythingElseIsInternal() {
        assertThat(FailureReason.of(new IllegalStateException("bug"))).isEqualTo("internal");
        assertThat(FailureReason.of(new NullPointerException())).isEqualTo("internal");
        assertThat(FailureReason.of(AbortedException.builder().build())).isEqualTo("internal");
        assertThat(FailureReason.of(new NoClassDefFoundError("x"))).isEqualTo("internal");
    }

    @Test
    void reasonsAreBounded() {
        Set<String> known = Set.of(
                FailureReason.ACCESS_DENIED,
                FailureReason.THROTTLED,
                FailureReason.TIMEOUT,
                FailureReason.UNREACHABLE,
                FailureReason.REMOTE_ERROR,
                FailureReason.INVALID_RESPONSE,
                FailureReason.INTERNAL);
        Throwable[] samples = {
            aws(400, "SomethingNew" + System.nanoTime()),
            new RuntimeException("free text " + System.nanoTime()),
            new IOException("free text"),
            new Exception(),
            new Error("x")
        };
        for (Throwable t : samples) {
            assertThat(FailureReason.of(t)).isIn(known);
        }
    }

    @Test
    void cyclicCauseChainsEnd() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        IOException c = new IOException("c");
        IOException d = new IOException("d", c);
        c.initCause(d);

        String[] reasons = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> new String[] {FailureReason.of(a), FailureReason.of(c)});

        assertThat(reasons).containsExactly("internal", "unreachable");
    }
}
