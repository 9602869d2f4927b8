package io.tierlens.cost.discovery;

import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PricingSource;
import io.tierlens.cost.model.StaticUnitPrices;
import io.tierlens.cost.model.UnitPrice;
import io.tierlens.cost.model.UnitPriceTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Keeps the regional unit prices of ALB, NAT gateway, EBS, EKS and RDS storage: one GetProducts call per
 * {@link UnitPriceRequests request} every {@code interval}, the last good price with its age after a failure (the
 * API backs off as {@link PriceBookRefresher#backoff} says), the bundled regional table where the API never
 * answered, and {@code unit_prices} from the configuration above both.
 */
public final class UnitPriceRefresher {
    private final PricingApi pricing;
    private final StaticUnitPrices fallback;
    private final String region;
    private final Clock clock;
    private final Duration interval;
    private final Map<UnitPrice, Double> configured;
    private final Map<UnitPrice, Price> fetched = new EnumMap<>(UnitPrice.class);
    private Instant nextAttempt = Instant.MIN;
    private int failuresInARow;

    /** @param configured {@code unit_prices} from the configuration, by key */
    public UnitPriceRefresher(
            PricingApi pricing,
            StaticUnitPrices fallback,
            String region,
            Clock clock,
            Duration interval,
            Map<String, Double> configured) {
        this.pricing = pricing;
        this.fallback = fallback;
        this.region = region;
        this.clock = clock;
        this.interval = interval;
        this.configured = new EnumMap<>(UnitPrice.class);
        configured.forEach((k, v) -> UnitPrice.ofKey(k).ifPresent(u -> this.configured.put(u, v)));
    }

    /** Asks the Pricing API when due; one partial failure when a call failed. */
    public List<PartialFailure> refresh() {
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return List.of();
        }
        List<PartialFailure> failures = new ArrayList<>();
        for (UnitPriceRequests.Request r : UnitPriceRequests.forRegion(region)) {
            if (r.picks().stream().allMatch(p -> configured.containsKey(p.unit()))) {
                continue; // the configuration decides these: no call
            }
            try {
                List<String> docs = pricing.getProducts(r.serviceCode(), r.filters());
                for (UnitPriceRequests.Pick p : r.picks()) {
                    OptionalDouble usd = PriceListParser.onDemand(docs, r.filters(), p.usagetype(), p.priceUnit());
                    usd.ifPresent(v -> fetched.put(p.unit(), new Price(v, PricingSource.ONDEMAND_LIST, now)));
                }
            } catch (RuntimeException e) {
                String reason = FailureReason.of(e);
                failuresInARow++;
                nextAttempt = now.plus(PriceBookRefresher.backoff(failuresInARow, reason));
                failures.add(new PartialFailure(
                        reason,
                        "pricing GetProducts (" + r.serviceCode() + ") failed ("
                                + e.getClass().getSimpleName() + "); using the last known or the bundled unit prices"));
                return failures;
            }
        }
        failuresInARow = 0;
        nextAttempt = now.plus(interval);
        return failures;
    }

    /** Every unit's price now: configured, else fetched, else bundled. */
    public UnitPriceTable table() {
        Instant now = clock.instant();
        Map<UnitPrice, Price> out = new EnumMap<>(fallback.forRegion(region));
        out.putAll(fetched);
        configured.forEach((u, usd) -> out.put(u, new Price(usd, PricingSource.CONFIGURED, now)));
        return new UnitPriceTable(out);
    }

    /** The price a unit would have from the API alone (tests, and the demo's check of its own simulation). */
    Optional<Price> fetched(UnitPrice u) {
        return Optional.ofNullable(fetched.get(u));
    }
}
