package io.tierlens.contract.dashboards.model;

import java.util.Optional;

/**
 * A dashboard variable: the Prometheus data source picker, or a multi-value label_values() query whose "All"
 * is {@code .*}, so every query may use it as {@code label=~"$name"} whether or not the series carry the label.
 */
public record Variable(String name, String label, Optional<String> query) {
    public static final String DATASOURCE = "datasource";

    public static Variable datasource() {
        return new Variable(DATASOURCE, "Data source", Optional.empty());
    }

    public static Variable labelValues(String name, String label, String query) {
        if (!query.startsWith("label_values(")) {
            throw new IllegalArgumentException("variable " + name + " must use label_values(): " + query);
        }
        return new Variable(name, label, Optional.of(query));
    }

    public boolean isDatasource() {
        return query.isEmpty();
    }
}
