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
 * {@code interval} (1h), a new instance type at once; a failed fetch is retried after {@link #RETRY}, and in the
 * meantime the last good price (with its growing age) or the bundled table answers.
 */
public final class PriceBookRefresher {
    static final Duration RETRY = Duration.ofMinutes(5);
    private static final String SPOT = "spot";

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
    private final Set<String> spotCovered = new HashSet<>();

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
            if (due("ec2:" + type, now)) {
                attempt("ec2:" + type, now, failures, "pricing GetProducts (AmazonEC2)", () -> fetchEc2(type, now));
            }
        }
        Set<String> types = new TreeSet<>(instanceTypes);
        if (!types.isEmpty() && (due(SPOT, now) || !spotCovered.containsAll(types))) {
            attempt(SPOT, now, failures, "ec2 DescribeSpotPriceHistory", () -> fetchSpot(types, now));
        }
        for (DatabaseInstance d : dbs) {
            String key = PriceBook.databaseKey(d);
            if (rdsEngine(d.engine()).isPresent() && due("rds:" + key, now)) {
                attempt("rds:" + key, now, failures, "pricing GetProducts (AmazonRDS)", () -> fetchRds(d, now));
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

    private void attempt(String key, Instant now, Map<String, PartialFailure> failures, String what, Runnable call) {
        try {
            call.run();
            nextAttempt.put(key, now.plus(interval));
        } catch (RuntimeException e) {
            nextAttempt.put(key, now.plus(RETRY));
            String reason = FailureReason.of(e);
            failures.putIfAbsent(
                    what + reason,
                    new PartialFailure(
                            reason,
                            what + " failed (" + e.getClass().getSimpleName()
                                    + "); using the last known or the bundled prices"));
        }
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
