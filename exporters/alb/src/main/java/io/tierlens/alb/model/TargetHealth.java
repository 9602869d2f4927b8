package io.tierlens.alb.model;

/**
 * One target's health from DescribeTargetHealth.
 *
 * @param state {@code initial}, {@code healthy}, {@code unhealthy}, {@code unused}, {@code draining},
 *     {@code unavailable}, {@code unhealthy.draining}
 * @param reason ELB reason code such as {@code Target.ResponseCodeMismatch}, or "" when healthy (a bounded set)
 */
public record TargetHealth(String targetId, int port, String state, String reason) {}
