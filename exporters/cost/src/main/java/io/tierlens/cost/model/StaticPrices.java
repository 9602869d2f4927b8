package io.tierlens.cost.model;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The price table bundled with tierlens: on-demand Linux list prices of common EC2 instance types and
 * single-AZ MySQL prices of common RDS classes (USD/hour, us-east-1) as of {@code asOf}, plus one row per EC2
 * family from which the types without a row of their own are estimated.
 *
 * @param families EC2 family (e.g. {@code c6a}) → its {@code .large} price and largest size
 */
public record StaticPrices(
        Instant asOf, Map<String, Double> ec2, Map<String, Double> rds, Map<String, Family> families) {

    /**
     * One EC2 family.
     *
     * @param largeUsdPerHour on-demand price of the family's {@code .large}
     * @param largestXlarge the largest size as a multiple of {@code xlarge} (what {@code .metal} is priced as)
     */
    public record Family(double largeUsdPerHour, int largestXlarge) {}

    public StaticPrices {
        ec2 = Map.copyOf(ec2);
        rds = Map.copyOf(rds);
        families = Map.copyOf(families);
    }

    public StaticPrices(Instant asOf, Map<String, Double> ec2, Map<String, Double> rds) {
        this(asOf, ec2, rds, Map.of());
    }

    /**
     * The price of an instance type the table has no row for, from its family and size: within a family price
     * scales with size ({@code xlarge} = 2 × {@code large}, {@code Nxlarge} = N × {@code xlarge}, {@code medium} =
     * ½ {@code large}), and {@code metal} is the largest size. Empty for an unknown family or size.
     */
    public OptionalDouble estimateEc2(String instanceType) {
        int dot = instanceType.indexOf('.');
        if (dot < 0) {
            return OptionalDouble.empty();
        }
        Family f = families.get(instanceType.substring(0, dot));
        if (f == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble larges = InstanceSizes.inLarges(instanceType.substring(dot + 1), f.largestXlarge());
        return larges.isPresent()
                ? OptionalDouble.of(f.largeUsdPerHour() * larges.getAsDouble())
                : OptionalDouble.empty();
    }
}
