package io.tierlens.cost.model;

import java.time.Instant;
import java.util.Map;

/**
 * The price table bundled with tierlens: on-demand Linux list prices of common EC2 instance types and
 * single-AZ MySQL prices of common RDS classes (USD/hour, us-east-1) as of {@code asOf}.
 */
public record StaticPrices(Instant asOf, Map<String, Double> ec2, Map<String, Double> rds) {

    public StaticPrices {
        ec2 = Map.copyOf(ec2);
        rds = Map.copyOf(rds);
    }
}
