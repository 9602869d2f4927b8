package io.tierlens.cost.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bundled unit prices per region and the EKS standard support calendar.
 *
 * @param byRegion region → unit → USD
 * @param eksStandardSupportEnd Kubernetes minor version ({@code 1.29}) → last day of standard support
 */
public record StaticUnitPrices(
        Instant asOf, Map<String, Map<UnitPrice, Double>> byRegion, Map<String, LocalDate> eksStandardSupportEnd) {
    /** The region whose prices stand in, labelled estimated, for a region the table has no rows for. */
    public static final String DEFAULT_REGION = "us-east-1";

    public StaticUnitPrices {
        Map<String, Map<UnitPrice, Double>> copy = new TreeMap<>();
        byRegion.forEach((r, m) -> copy.put(r, Map.copyOf(m)));
        byRegion = Map.copyOf(copy);
        eksStandardSupportEnd = Map.copyOf(eksStandardSupportEnd);
        if (!byRegion.containsKey(DEFAULT_REGION)) {
            throw new IllegalArgumentException("the unit price table has no " + DEFAULT_REGION + " rows");
        }
    }

    /** Every unit's bundled price in {@code region}: the region's rows, else us-east-1's as estimates. */
    public Map<UnitPrice, Price> forRegion(String region) {
        Map<UnitPrice, Double> own = byRegion.getOrDefault(region, Map.of());
        Map<UnitPrice, Double> standIn = byRegion.get(DEFAULT_REGION);
        Map<UnitPrice, Price> out = new EnumMap<>(UnitPrice.class);
        for (UnitPrice u : UnitPrice.values()) {
            Double usd = own.get(u);
            out.put(
                    u,
                    usd != null
                            ? new Price(usd, PricingSource.STATIC_FALLBACK, asOf)
                            : new Price(standIn.getOrDefault(u, 0.0), PricingSource.ESTIMATED, asOf));
        }
        return out;
    }

    /**
     * Whether a cluster of {@code version} is billed the extended support price on {@code day}: after the
     * version's standard support end, and always for versions older than the calendar's oldest; a version newer
     * than the calendar's newest (or not a {@code major.minor}) is taken to be in standard support.
     */
    public boolean extendedSupport(String version, LocalDate day) {
        Optional<int[]> v = minor(version);
        if (v.isEmpty()) {
            return false;
        }
        LocalDate end = eksStandardSupportEnd.get(v.get()[0] + "." + v.get()[1]);
        if (end != null) {
            return day.isAfter(end);
        }
        int oldest = eksStandardSupportEnd.keySet().stream()
                .map(StaticUnitPrices::minor)
                .flatMap(Optional::stream)
                .filter(m -> m[0] == v.get()[0])
                .mapToInt(m -> m[1])
                .min()
                .orElse(Integer.MIN_VALUE);
        return v.get()[1] < oldest;
    }

    /** {@code 1.29}, {@code v1.29.3-eks-abc} → [1, 29]. */
    static Optional<int[]> minor(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        String[] parts = v.split("[.-]");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1].replace("+", ""))});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
