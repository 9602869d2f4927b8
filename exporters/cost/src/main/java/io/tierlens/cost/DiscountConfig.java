package io.tierlens.cost;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.cost.model.Component;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code exporters.cost.discounts:} what you really pay compared with list price (Savings Plans, reserved
 * instances, a private pricing agreement). Exposed separately, under the {@code pricing_model} label; list
 * prices are never changed.
 *
 * @param pricingModel the {@code pricing_model} label value, e.g. {@code savings_plan}; "" = no discounts
 * @param factors effective price / list price by component ({@code nodes} applies to on-demand nodes only:
 *     Savings Plans and RIs do not cover spot)
 */
public record DiscountConfig(String pricingModel, Map<String, Double> factors) implements ConfigChecked {

    public DiscountConfig {
        pricingModel = pricingModel == null ? "" : pricingModel;
        factors = factors == null ? Map.of() : Map.copyOf(factors);
    }

    public boolean configured() {
        return !pricingModel.isEmpty();
    }

    public double factor(Component c) {
        return factors.getOrDefault(c.label(), 1.0);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (!pricingModel.isEmpty() && !pricingModel.matches("[a-z][a-z0-9_]{0,31}")) {
            problems.add(
                    ConfigProblems.join(path, "pricing_model"),
                    "must be a short snake_case name (it becomes a label value)",
                    "e.g. savings_plan");
        }
        if (pricingModel.isEmpty() && !factors.isEmpty()) {
            problems.add(
                    ConfigProblems.join(path, "pricing_model"),
                    "factors are given without a pricing_model",
                    "name the model, e.g. pricing_model: savings_plan");
        }
        factors.forEach((k, v) -> {
            String p = ConfigProblems.join(ConfigProblems.join(path, "factors"), k);
            if (Component.ofLabel(k).isEmpty()) {
                problems.add(
                        p,
                        "unknown component",
                        "use one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(Component.values())
                                                .map(Component::label)
                                                .toList()));
            }
            if (v <= 0 || v > 1) {
                problems.add(p, "must be in (0, 1]", "0.72 means you pay 72% of list price");
            }
        });
    }
}
