package io.tierlens.cost.model;

import java.util.EnumMap;
import java.util.Map;

/** One price per {@link UnitPrice}, each with its source and age. Every unit has a price (the fallback's). */
public record UnitPriceTable(Map<UnitPrice, Price> prices) {
    public UnitPriceTable {
        EnumMap<UnitPrice, Price> copy = new EnumMap<>(UnitPrice.class);
        copy.putAll(prices);
        for (UnitPrice u : UnitPrice.values()) {
            if (!copy.containsKey(u)) {
                throw new IllegalArgumentException("no price for " + u.key());
            }
        }
        prices = Map.copyOf(copy);
    }

    public double usd(UnitPrice u) {
        return prices.get(u).usdPerHour();
    }

    public Price price(UnitPrice u) {
        return prices.get(u);
    }
}
