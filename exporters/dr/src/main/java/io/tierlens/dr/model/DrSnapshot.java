package io.tierlens.dr.model;

import java.util.List;
import java.util.Map;

/** Everything one DR refresh learned: the collectors' input. */
public record DrSnapshot(
        List<HealthCheckState> healthChecks,
        List<FailoverRecord> records,
        List<ActiveSite> activeSites,
        Map<String, Long> failovers,
        List<ProbeResult> probes,
        List<SiteRecovery> recovery,
        AzureSiteState azure) {

    public DrSnapshot {
        healthChecks = List.copyOf(healthChecks);
        records = List.copyOf(records);
        activeSites = List.copyOf(activeSites);
        failovers = Map.copyOf(failovers);
        probes = List.copyOf(probes);
        recovery = List.copyOf(recovery);
        azure = azure == null ? AzureSiteState.NONE : azure;
    }

    /** A snapshot without an Azure side. */
    public DrSnapshot(
            List<HealthCheckState> healthChecks,
            List<FailoverRecord> records,
            List<ActiveSite> activeSites,
            Map<String, Long> failovers,
            List<ProbeResult> probes,
            List<SiteRecovery> recovery) {
        this(healthChecks, records, activeSites, failovers, probes, recovery, AzureSiteState.NONE);
    }
}
