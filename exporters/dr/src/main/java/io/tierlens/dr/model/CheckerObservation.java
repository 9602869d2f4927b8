package io.tierlens.dr.model;

import java.time.Instant;
import java.util.Optional;

/**
 * What one Route53 health checker region last saw.
 *
 * @param region the checker region, e.g. {@code us-east-1}
 * @param healthy its status starts with "Success"
 * @param failure why it failed, when it did
 * @param checkedAt when it checked
 */
public record CheckerObservation(String region, boolean healthy, Optional<FailureKind> failure, Instant checkedAt) {

    public static CheckerObservation of(String region, String status, Instant checkedAt) {
        boolean ok = status != null && status.startsWith("Success");
        return new CheckerObservation(
                region, ok, ok ? Optional.empty() : Optional.of(FailureKind.ofStatusReport(status)), checkedAt);
    }
}
