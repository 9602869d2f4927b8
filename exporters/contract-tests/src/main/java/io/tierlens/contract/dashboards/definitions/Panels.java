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

    /** Log lines from the optional Loki data source; they have no unit. */
    static Panel.Builder logs(String title) {
        return Panel.builder(PanelType.LOGS, title, "none").size(12, 10);
    }

    static Panel.Builder table(String title, String unit) {
        return Panel.builder(PanelType.TABLE, title, unit).size(24, 7);
    }

    /**
     * Drops the series of a standby replica ({@code tierlens_leader == 0}) so that two HA replicas never count
     * twice; keeps everything where tierlens_leader does not exist.
     */
    static String leaderOnly(String selector) {
        return "(" + selector + " unless on (job, instance) (tierlens_leader == 0))";
    }

    /**
     * "or 0 while the exporter works": a count of bad things that is empty when nothing is bad shows 0, but only
     * while the exporter that would report them is up; without it the panel shows NO DATA instead of a green 0.
     */
    static String orZeroWhileUp(String exporter, String jobSelector) {
        return " or " + zeroWhileUp(exporter, jobSelector);
    }

    /** 0 while the exporter is up, nothing otherwise: the fallback of {@link #orZeroWhileUp}. */
    static String zeroWhileUp(String exporter, String jobSelector) {
        return "0 * max(" + leaderOnly("tierlens_exporter_up{" + jobSelector + ", exporter=\"" + exporter + "\"}")
                + " == 1)";
    }

    /** A link to a dashboard, titled with its short title ("002 AWS Infrastructure"). */
    static Panel.Builder linkTo(Panel.Builder panel, TierlensDashboard target) {
        return panel.link(target.shortTitle(), target.uid());
    }
}
