package io.tierlens.dr.model;

import java.util.Optional;

/**
 * A health check with what is known of its state this refresh.
 *
 * @param healthy Route53's aggregate: CloudWatch {@code HealthCheckStatus} (Minimum over the newest complete
 *     period), else more than {@link #ROUTE53_HEALTHY_SHARE} of the checker regions reporting healthy; empty
 *     when neither is known
 * @param healthyRatio share of checker regions whose last observation was healthy (endpoint checks)
 * @param lastFailure the reason of the newest failing checker observation, if a checker fails now
 */
public record HealthCheckState(
        String accountId,
        HealthCheck check,
        Optional<Boolean> healthy,
        Optional<Double> healthyRatio,
        Optional<FailureKind> lastFailure) {

    /** Route53 considers an endpoint healthy when more than 18% of its checkers report it healthy. */
    public static final double ROUTE53_HEALTHY_SHARE = 0.18;
}
