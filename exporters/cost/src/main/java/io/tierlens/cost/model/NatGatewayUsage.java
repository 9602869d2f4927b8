package io.tierlens.cost.model;

/**
 * A NAT gateway as the cost model needs it.
 *
 * @param processedGbPerHour data processed, GB (2^30 bytes, as AWS bills) per hour, from CloudWatch
 *     {@code AWS/NATGateway} {@code BytesOutToDestination + BytesOutToSource}; 0 when unknown
 */
public record NatGatewayUsage(String id, String tier, double processedGbPerHour, Source source) {}
