package io.tierlens.contract.dashboards.model;

/** The current Grafana panel types tierlens uses (no legacy "graph"). */
public enum PanelType {
    ROW("row"),
    TIMESERIES("timeseries"),
    STAT("stat"),
    GAUGE("gauge"),
    BARGAUGE("bargauge"),
    TABLE("table");

    private final String grafanaName;

    PanelType(String grafanaName) {
        this.grafanaName = grafanaName;
    }

    public String grafanaName() {
        return grafanaName;
    }
}
