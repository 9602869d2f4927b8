package io.tierlens.contract.catalog;

import java.util.List;
import java.util.Locale;

/** Prometheus metric types as METRICS.md marks them: plain = gauge, (c) = counter, (h) = histogram. */
public enum MetricType {
    GAUGE(List.of("")),
    COUNTER(List.of("")),
    HISTOGRAM(List.of("_bucket", "_sum", "_count"));

    private final List<String> seriesSuffixes;

    MetricType(List<String> seriesSuffixes) {
        this.seriesSuffixes = seriesSuffixes;
    }

    /** The suffixes of the series names a metric of this type is exposed as. */
    public List<String> seriesSuffixes() {
        return seriesSuffixes;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MetricType parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
