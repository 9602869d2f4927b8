package io.tierlens.cost.discovery;

import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.client.SpotPriceApi;
import io.tierlens.cost.model.DatabaseInstance;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PriceBook;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.SpotPrice;
import io.tierlens.cost.model.StaticPrices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the price book of the instance types and RDS instances in use. Each price is fetched again every
 * {@code interval} (1h), a new instance type at once. A failed call backs its API off (Pricing for EC2, Pricing for
 * RDS, spot history, each on its own): first {@link #RETRY}, doubling with each failure in a row up to
 * {@link #MAX_BACKOFF}, and {@code MAX_BACKOFF} at once when access is denied (a missing IAM permission does not
 * come back within minutes). A backed-off API is not asked at all, not even for a new instance type, so each
 * failure is counted once per attempt, not once per refresh. Meanwhile the last good price (with its growing age)
 * or the bundled table answers.
 */
public final class PriceBookRefresher {
    static final Duration RETRY = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final String SPOT = "spot";
    private static final String PRICING_EC2 = "pricing-ec2";
    private static final String PRICING_RDS = "pricing-rds";

    private final PricingApi pricing;
    private final SpotPriceApi spotApi;
    private final StaticPrices fallback;
    private final String region;
    private final Clock clock;
    private final Duration interval;
    private final double spotFallbackRatio;
    private final Map<String, Price> onDemand = new HashMap<>();
    private final Map<String, Price> spot = new HashMap<>();
    private final Map<String, Price> databases = new HashMap<>();
    private final Map<String, Instant> nextAttempt = new HashMap<>();
    private final Map<String, Backoff> backoffs = new HashMap<>();
    private final Set<String> spotCovered = new HashSet<>();

    /** Consecutive failures of one API and when it may be asked again. */
    private record Backoff(int failures, Instant until) {}

    public PriceBookRefresher(
            PricingApi pricing,
            SpotPriceApi spotApi,
            StaticPrices fallback,
            String region,
            Clock clock,
            Duration interval,
            double spotFallbackRatio) {
        this.pricing = pricing;
        this.spotApi = spotApi;
        this.fallback = fallback;
        this.region = region;
        this.clock = clock;
        this.interval = interval;
        this.spotFallbackRatio = spotFallbackRatio;
    }

    /** Fetches what is due; returns one partial failure per failed kind of call. */
    public List<PartialFailure> refresh(Collection<String> instanceTypes, Collection<DatabaseInstance> dbs) {
        Instant now = clock.instant();
        Map<String, PartialFailure> failures = new LinkedHashMap<>();
        for (String type : new TreeSet<>(instanceTypes)) {
            if (available(PRICING_EC2, now) && due("ec2:" + type, now)) {
                attempt(
                        "ec2:" + type,
                        PRICING_EC2,
                        now,
                        failures,
                        "pricing GetProducts (AmazonEC2)",
                        () -> fetchEc2(type, now));
            }
        }
        Set<String> types = new TreeSet<>(instanceTypes);
        if (!types.isEmpty() && available(SPOT, now) && (due(SPOT, now) || !spotCovered.containsAll(types))) {
            attempt(SPOT, SPOT, now, failures, "ec2 DescribeSpotPriceHistory", () -> fetchSpot(types, now));
        }
        for (DatabaseInstance d : dbs) {
            String key = PriceBook.databaseKey(d);
            if (rdsEngine(d.engine()).isPresent() && available(PRICING_RDS, now) && due("rds:" + key, now)) {
                attempt(
                        "rds:" + key,
                        PRICING_RDS,
                        now,
                        failures,
                        "pricing GetProducts (AmazonRDS)",
                        () -> fetchRds(d, now));
            }
        }
        return List.copyOf(failures.values());
    }

    public PriceBook book() {
        return new PriceBook(onDemand, spot, databases, fallback, spotFallbackRatio);
    }

    private boolean due(String key, Instant now) {
        Instant next = nextAttempt.get(key);
        return next == null || !now.isBefore(next);
    }

    private boolean available(String api, Instant now) {
        Backoff b = backoffs.get(api);
        return b == null || !now.isBefore(b.until());
    }

    private void attempt(
            String key, String api, Instant now, Map<String, PartialFailure> failures, String what, Runnable call) {
        try {
            call.run();
            nextAttempt.put(key, now.plus(interval));
            backoffs.remove(api);
        } catch (RuntimeException e) {
            String reason = FailureReason.of(e);
            int inARow = backoffs.containsKey(api) ? backoffs.get(api).failures() + 1 : 1;
            Instant until = now.plus(backoff(inARow, reason));
            backoffs.put(api, new Backoff(inARow, until));
            nextAttempt.put(key, until);
            failures.putIfAbsent(
                    what + reason,
                    new PartialFailure(
                            reason,
                            what + " failed (" + e.getClass().getSimpleName()
                                    + "); using the last known or the bundled prices"));
        }
    }

    /** 5m, 10m, 20m, 40m, then 1h; access denied: 1h at once. */
    static Duration backoff(int failuresInARow, String reason) {
        if (FailureReason.ACCESS_DENIED.equals(reason)) {
            return MAX_BACKOFF;
        }
        Duration d = RETRY.multipliedBy(1L << Math.min(failuresInARow - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private void fetchEc2(String type, Instant now) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("regionCode", region);
        filters.put("instanceType", type);
        filters.put("operatingSystem", "Linux");
        filters.put("tenancy", "Shared");
        filters.put("preInstalledSw", "NA");
        filters.put("capacitystatus", "Used");
        OptionalDouble p = PriceListParser.hourlyOnDemand(pricing.getProducts("AmazonEC2", filters), filters);
        p.ifPresent(v -> onDemand.put(type, new Price(v, PricingSource.ONDEMAND_LIST, now)));
    }

    private void fetchSpot(Set<String> types, Instant now) {
        Map<String, SpotPrice> newest = new HashMap<>();
        for (SpotPrice p : spotApi.spotPriceHistory(types, now)) {
            newest.merge(
                    PriceBook.spotKey(p.instanceType(), p.zone()),
                    p,
                    (a, b) -> a.timestamp().isAfter(b.timestamp()) ? a : b);
        }
        newest.forEach((k, p) -> spot.put(k, new Price(p.usdPerHour(), PricingSource.SPOT_HISTORY, now)));
        spotCovered.addAll(types);
    }

    private void fetchRds(DatabaseInstance d, Instant now) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("regionCode", region);
        filters.put("instanceType", d.instanceClass());
        filters.put("databaseEngine", rdsEngine(d.engine()).orElseThrow());
        filters.put("deploymentOption", d.multiAz() ? "Multi-AZ" : "Single-AZ");
        OptionalDouble p = PriceListParser.hourlyOnDemand(pricing.getProducts("AmazonRDS", filters), filters);
        p.ifPresent(v -> databases.put(PriceBook.databaseKey(d), new Price(v, PricingSource.ONDEMAND_LIST, now)));
    }

    /** The Price List's databaseEngine for an RDS engine id. */
    static Optional<String> rdsEngine(String engine) {
        return Optional.ofNullable(
                switch (engine) {
                    case "mysql" -> "MySQL";
                    case "postgres" -> "PostgreSQL";
                    case "mariadb" -> "MariaDB";
                    case "aurora-mysql" -> "Aurora MySQL";
                    case "aurora-postgresql" -> "Aurora PostgreSQL";
                    default -> null;
                });
    }
}
