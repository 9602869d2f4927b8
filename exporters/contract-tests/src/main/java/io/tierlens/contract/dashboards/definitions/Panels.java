package io.tierlens.contract.dashboards.definitions;

import io.tierlens.contract.dashboards.model.Panel;
import io.tierlens.contract.dashboards.model.PanelType;

/** Short factories for the panel types, with the sizes most panels use. */
final class Panels {
    private Panels() {}

    static Panel.Builder timeseries(String title, String unit) {
        return Panel.builder(PanelType.TIMESERIES, title, unit).size(12, 8);
    }

    static Panel.Builder stat(String title, String unit) {
        return Panel.builder(PanelType.STAT, title, unit).size(4, 4);
    }

    static Panel.Builder gauge(String title, String unit) {
        return Panel.builder(PanelType.GAUGE, title, unit).size(6, 6);
    }

    static Panel.Builder bars(String title, String unit) {
        return Panel.builder(PanelType.BARGAUGE, title, unit).size(12, 8);
    }

    static Panel.Builder table(String title, String unit) {
        return Panel.builder(PanelType.TABLE, title, unit).size(24, 7);
    }

    /** A link to a dashboard, titled with its short title ("002 AWS Infrastructure"). */
    static Panel.Builder linkTo(Panel.Builder panel, TierlensDashboard target) {
        return panel.link(target.shortTitle(), target.uid());
    }
}
