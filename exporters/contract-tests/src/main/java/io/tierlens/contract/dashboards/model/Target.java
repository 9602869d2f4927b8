package io.tierlens.contract.dashboards.model;

import java.util.Objects;

/**
 * One PromQL query of a panel. Instant queries feed tables and "current value" panels; range queries feed
 * time series.
 */
public record Target(String expr, String legend, boolean instant) {
    public Target {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(legend, "legend");
    }

    public static Target range(String expr, String legend) {
        return new Target(expr, legend, false);
    }

    public static Target instant(String expr, String legend) {
        return new Target(expr, legend, true);
    }
}
