package io.tierlens.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.cloudwatch.CloudWatchFetchException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class SafeErrorTextTest {
    private static final String AWS_TEXT =
            "User: arn:aws:iam::123456789012:user/alice is not authorized (Request ID: 0f0e0d0c-aaaa)";

    private static AwsServiceException denied() {
        return AwsServiceException.builder()
                .statusCode(403)
                .message(AWS_TEXT)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage(AWS_TEXT)
                        .build())
                .build();
    }

    @Test
    void anAwsErrorIsItsCodeAndStatusNeverItsMessage() {
        assertThat(SafeErrorText.describe(denied())).isEqualTo("AccessDeniedException (HTTP 403)");
    }

    @Test
    void aCloudWatchFetchFailureIsDescribedByWhatAwsSaid() {
        CloudWatchFetchException e = new CloudWatchFetchException("GetMetricData failed", denied());

        assertThat(e.getMessage()).contains("alice");
        assertThat(SafeErrorText.describe(e)).isEqualTo("AccessDeniedException (HTTP 403)");
    }

    @Test
    void anythingElseIsItsType() {
        assertThat(SafeErrorText.describe(SdkClientException.create("connect to 10.0.0.1 refused")))
                .isEqualTo("SdkClientException");
        assertThat(SafeErrorText.describe(new UncheckedIOException("secret path", new java.io.IOException())))
                .isEqualTo("UncheckedIOException");
        assertThat(SafeErrorText.describe(AwsServiceException.builder()
                        .statusCode(500)
                        .message(AWS_TEXT)
                        .build()))
                .isEqualTo("AwsServiceException (HTTP 500)");
    }
}
