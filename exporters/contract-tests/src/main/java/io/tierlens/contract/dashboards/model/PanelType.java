package io.tierlens.contract.dashboards.model;

/** The current Grafana panel types tierlens uses (no legacy "graph"). */
public enum PanelType {
    ROW("row"),
    TIMESERIES("timeseries"),
    STAT("stat"),
    GAUGE("gauge"),
    BARGAUGE("bargauge"),
    TABLE("table"),
    /** Log lines from the optional Loki data source (variable {@code loki}), never PromQL. */
    LOGS("logs");

    private final String grafanaName;

    PanelType(String grafanaName) {
        this.grafanaName = grafanaName;
    }

    public String grafanaName() {
        return grafanaName;
    }

    /**
     * Panels that show one current value per series. They read instant queries only: a range query reduced to
     * its last non-null value keeps showing the last value for as long as the time range holds one, so a stopped
     * source would stay green.
     */
    public boolean showsCurrentValue() {
        return this == STAT || this == GAUGE || this == BARGAUGE;
    }
}
