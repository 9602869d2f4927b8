package io.tierlens.contract.dashboards.model;

import java.util.Optional;

/**
 * A dashboard variable: a data source picker ({@code kind} DATASOURCE, {@code value} the plugin: prometheus or
 * loki), a multi-value label_values() query whose "All" is {@code .*} (so every query may use it as
 * {@code label=~"$name"} whether or not the series carry the label), or a free-text regular expression
 * ({@code kind} TEXTBOX, {@code value} its default) for names tierlens cannot list, such as which Deployment is
 * the web tier.
 */
public record Variable(String name, String label, Kind kind, String value) {
    public static final String DATASOURCE = "datasource";
    public static final String LOKI = "loki";

    /** The three variable types tierlens dashboards use. */
    public enum Kind {
        DATASOURCE,
        QUERY,
        TEXTBOX
    }

    public static Variable datasource() {
        return new Variable(DATASOURCE, "Data source", Kind.DATASOURCE, "prometheus");
    }

    /** The optional Loki data source of the log panels; dashboards work without one, those panels stay empty. */
    public static Variable loki() {
        return new Variable(LOKI, "Loki (optional)", Kind.DATASOURCE, "loki");
    }

    public static Variable labelValues(String name, String label, String query) {
        if (!query.startsWith("label_values(")) {
            throw new IllegalArgumentException("variable " + name + " must use label_values(): " + query);
        }
        return new Variable(name, label, Kind.QUERY, query);
    }

    public static Variable regex(String name, String label, String defaultRegex) {
        return new Variable(name, label, Kind.TEXTBOX, defaultRegex);
    }

    public boolean isDatasource() {
        return kind == Kind.DATASOURCE;
    }

    /** The label_values() query of a QUERY variable. */
    public Optional<String> query() {
        return kind == Kind.QUERY ? Optional.of(value) : Optional.empty();
    }
}
