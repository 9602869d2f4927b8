package io.tierlens.cost.model;

import java.time.Instant;

/** One entry of EC2's spot price history: the price in effect from {@code timestamp} on. */
public record SpotPrice(String instanceType, String zone, double usdPerHour, Instant timestamp) {}
