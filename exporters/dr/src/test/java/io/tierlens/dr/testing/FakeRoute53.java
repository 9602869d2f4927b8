package io.tierlens.dr.testing;

import io.tierlens.dr.client.Route53Api;
import io.tierlens.dr.model.CheckerObservation;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.HealthCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory Route53 the test fills and changes; failures are injected per operation. */
public final class FakeRoute53 implements Route53Api {
    public final List<HealthCheck> checks = new ArrayList<>();
    public final Map<String, List<CheckerObservation>> observations = new HashMap<>();
    public final Map<String, List<FailoverRecordSet>> recordSets = new HashMap<>();
    public final Map<String, RuntimeException> statusFailures = new HashMap<>();
    public final Map<String, RuntimeException> recordFailures = new HashMap<>();
    public RuntimeException listFailure;
    public int statusCalls;

    @Override
    public List<HealthCheck> listHealthChecks() {
        if (listFailure != null) {
            throw listFailure;
        }
        return List.copyOf(checks);
    }

    @Override
    public List<CheckerObservation> getHealthCheckStatus(String healthCheckId) {
        statusCalls++;
        if (statusFailures.containsKey(healthCheckId)) {
            throw statusFailures.get(healthCheckId);
        }
        return observations.getOrDefault(healthCheckId, List.of());
    }

    @Override
    public List<FailoverRecordSet> listFailoverRecordSets(String hostedZoneId, String name, String type) {
        String key = hostedZoneId + "/" + name + "/" + type;
        if (recordFailures.containsKey(key)) {
            throw recordFailures.get(key);
        }
        return recordSets.getOrDefault(key, List.of());
    }
}
