package io.tierlens.core.poll;

import io.tierlens.core.cloudwatch.MetricQuery;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Inventories, queries and AWS errors for the poller tests. */
final class PollFixtures {
    /** What AWS says when a role lacks a permission: the principal's ARN and a request id. */
    static final String AWS_MESSAGE = "User: arn:aws:sts::123456789012:assumed-role/tierlens/i-0abc is not authorized"
            + " to perform: rds:DescribeDBInstances (Request ID: 7d1c2c5e-0b1a-4b8e-9a55-1f2e3d4c5b6a)";

    private PollFixtures() {}

    static AwsServiceException accessDenied() {
        return AwsServiceException.builder()
                .statusCode(403)
                .message(AWS_MESSAGE)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .errorMessage(AWS_MESSAGE)
                        .build())
                .build();
    }

    static AwsServiceException throttled() {
        return AwsServiceException.builder()
                .statusCode(400)
                .message("Rate exceeded")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("Throttling")
                        .errorMessage("Rate exceeded")
                        .build())
                .build();
    }

    static MetricQuery cpu(String db) {
        return new MetricQuery(
                "AWS/RDS",
                "CPUUtilization",
                Map.of("DBInstanceIdentifier", db),
                "Average",
                Duration.ofSeconds(60),
                false);
    }
}
