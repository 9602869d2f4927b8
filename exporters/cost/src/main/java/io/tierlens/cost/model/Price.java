package io.tierlens.cost.model;

import java.time.Instant;

/**
 * An hourly price in USD with where it came from and when it was last confirmed (fetched from the API, or the
 * date of the bundled table).
 */
public record Price(double usdPerHour, PricingSource source, Instant asOf) {}
