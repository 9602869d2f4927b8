package io.tierlens.core.aws.query;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Turns a non-2xx Query answer into the SDK's own {@link AwsServiceException}, so that the SDK's retry strategy
 * (throttling codes, 5xx), {@code FailureReason} and {@code SafeErrorText} treat it exactly as they treat an SDK
 * client's error. RDS answers {@code <ErrorResponse><Error><Code>}, EC2 {@code <Response><Errors><Error><Code>}:
 * both have an {@code Error} element with a {@code Code}. AWS's {@code <Message>} is not kept: it names
 * principals and request ids, and our logs repeat every refresh.
 */
final class QueryErrors {
    private QueryErrors() {}

    static AwsServiceException of(QueryService service, int status, byte[] body, SdkHttpResponse response) {
        String code = code(body);
        AwsErrorDetails.Builder details = AwsErrorDetails.builder()
                .serviceName(service.label())
                .sdkHttpResponse(response.toBuilder().clearHeaders().build());
        if (code != null) {
            details.errorCode(code);
        }
        return AwsServiceException.builder()
                .statusCode(status)
                .message((code == null ? "no error code" : code) + " (HTTP " + status + ")")
                .awsErrorDetails(details.build())
                .build();
    }

    /** The error code, or null when the body is not an AWS error document (a proxy's HTML page, nothing at all). */
    static String code(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return SafeXml.parse(body)
                    .find("Error")
                    .flatMap(e -> e.text("Code"))
                    .map(String::trim)
                    .orElse(null);
        } catch (MalformedResponseException e) {
            return null;
        }
    }
}
