package io.tierlens.cost.discovery;

import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.PriceBook;
import io.tierlens.kubernetes.model.Disruption;
import io.tierlens.kubernetes.model.InstanceShape;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The consolidation savings counter: for every NodeClaim Karpenter removed because it was empty or
 * underutilized, the hourly price of what was removed minus the hourly price of its replacement (never below
 * zero). Its increase over a window is the hourly spend consolidation took away in that window. Disruptions
 * whose prices are unknown are not counted rather than guessed.
 */
public final class ConsolidationSavings {
    private final Map<String, Double> totals = new TreeMap<>();
    private long lastSequence;

    public void observe(List<Disruption> recent, PriceBook prices) {
        for (Disruption d : recent) {
            if (d.sequence() <= lastSequence) {
                continue;
            }
            lastSequence = d.sequence();
            if (d.consolidation()) {
                saved(d, prices).ifPresent(usd -> totals.merge(d.nodePool(), usd, Double::sum));
            }
        }
    }

    /**
     * Gives every NodePool seen a total of 0 until its first consolidation, so the counter's series exists and
     * increase() counts that first one. A NodePool once seen keeps its series.
     */
    public void track(Collection<String> nodePools) {
        nodePools.forEach(p -> totals.putIfAbsent(p, 0.0));
    }

    /** USD per hour saved by nodepool, since tierlens started. */
    public Map<String, Double> totals() {
        return Map.copyOf(totals);
    }

    private static Optional<Double> saved(Disruption d, PriceBook prices) {
        Optional<Price> removed = prices.node(d.removed());
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        double replacements = 0;
        for (InstanceShape r : d.replacements()) {
            Optional<Price> p = prices.node(r);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            replacements += p.get().usdPerHour();
        }
        return Optional.of(Math.max(0, removed.get().usdPerHour() - replacements));
    }
}
