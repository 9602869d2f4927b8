package io.tierlens.dr.client;

import io.tierlens.dr.model.CheckerObservation;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.HealthCheck;
import java.util.List;

/**
 * What the DR exporter needs from Route53 (global; the client is built in us-east-1). Implementations follow
 * pagination. Errors are the SDK's exceptions (the runtime classifies them).
 */
public interface Route53Api {

    /** Every health check of the account. */
    List<HealthCheck> listHealthChecks();

    /** The latest observation of every checker region (endpoint checks only). */
    List<CheckerObservation> getHealthCheckStatus(String healthCheckId);

    /** The failover record sets (those with a Failover role) of {@code name} and {@code type} in the zone. */
    List<FailoverRecordSet> listFailoverRecordSets(String hostedZoneId, String name, String type);
}
