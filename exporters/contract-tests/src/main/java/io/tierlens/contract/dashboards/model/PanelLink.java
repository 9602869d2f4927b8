package io.tierlens.contract.dashboards.model;

/**
 * A link from a panel to another tierlens dashboard, keeping the time range and the data source. Grafana
 * resolves the variables in the URL when the link is followed.
 */
public record PanelLink(String title, String uid) {
    public String url() {
        return "/d/" + uid + "?${__url_time_range}&${datasource:queryparam}";
    }
}
