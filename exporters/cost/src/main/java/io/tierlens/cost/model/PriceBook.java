package io.tierlens.cost.model;

import io.tierlens.kubernetes.model.InstanceShape;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The prices known at one moment, and the fallback rules:
 *
 * <ul>
 *   <li>on-demand node: the Pricing API's list price, else the bundled table's row, else an estimate from the
 *       table's family row and the size ({@link PricingSource#ESTIMATED});
 *   <li>spot node: the newest spot price of its type in its zone, else the bundled on-demand price times the
 *       configured spot fallback ratio (never the on-demand price: that overstates spot nodes about 2.6×);
 *   <li>RDS instance: the Pricing API's price for class, engine and deployment, else the bundled single-AZ
 *       price (doubled for Multi-AZ).
 * </ul>
 *
 * @param spot keyed by {@link #spotKey}
 * @param databases keyed by {@link #databaseKey}
 */
public record PriceBook(
        Map<String, Price> onDemand,
        Map<String, Price> spot,
        Map<String, Price> databases,
        StaticPrices fallback,
        double spotFallbackRatio) {

    public PriceBook {
        onDemand = Map.copyOf(onDemand);
        spot = Map.copyOf(spot);
        databases = Map.copyOf(databases);
    }

    public static String spotKey(String instanceType, String zone) {
        return instanceType + "|" + zone;
    }

    public static String databaseKey(DatabaseInstance d) {
        return d.instanceClass() + "|" + d.engine() + "|" + (d.multiAz() ? "multi-az" : "single-az");
    }

    /** The hourly price of a node of this shape; empty when its instance type is unknown everywhere. */
    public Optional<Price> node(InstanceShape shape) {
        if (shape.spot()) {
            Price p = spot.get(spotKey(shape.instanceType(), shape.zone()));
            if (p != null) {
                return Optional.of(p);
            }
            return staticEc2(shape.instanceType(), spotFallbackRatio);
        }
        Price p = onDemand.get(shape.instanceType());
        return p != null ? Optional.of(p) : staticEc2(shape.instanceType(), 1.0);
    }

    public Optional<Price> database(DatabaseInstance d) {
        Price p = databases.get(databaseKey(d));
        if (p != null) {
            return Optional.of(p);
        }
        Double single = fallback.rds().get(d.instanceClass());
        return single == null
                ? Optional.empty()
                : Optional.of(
                        new Price(single * (d.multiAz() ? 2 : 1), PricingSource.STATIC_FALLBACK, fallback.asOf()));
    }

    private Optional<Price> staticEc2(String instanceType, double factor) {
        Double od = fallback.ec2().get(instanceType);
        if (od != null) {
            return Optional.of(new Price(od * factor, PricingSource.STATIC_FALLBACK, fallback.asOf()));
        }
        // A type Karpenter picked that the table has no row for: a labelled estimate beats a node that costs nothing.
        OptionalDouble estimate = fallback.estimateEc2(instanceType);
        return estimate.isPresent()
                ? Optional.of(new Price(estimate.getAsDouble() * factor, PricingSource.ESTIMATED, fallback.asOf()))
                : Optional.empty();
    }
}
