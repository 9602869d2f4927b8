package io.tierlens.demo.dr;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.demo.SimulatedMetricSource;
import io.tierlens.dr.client.Route53Api;
import io.tierlens.dr.model.CheckerObservation;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.FailoverRole;
import io.tierlens.dr.model.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Route53 of the demo account: two health checks, one failover record, checker observations and the
 * {@code AWS/Route53} CloudWatch namespace, all following the {@link FailoverDrill}.
 */
final class SimulatedRoute53 implements Route53Api, SimulatedMetricSource {
    /** Route53's checker regions; during the outage they fail one after another, 10 scenario seconds apart. */
    static final List<String> CHECKER_REGIONS = List.of(
            "us-east-1",
            "us-west-1",
            "us-west-2",
            "eu-west-1",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-northeast-1",
            "sa-east-1");

    private final FailoverDrill drill;
    private final Clock clock;
    private final ApiCallRecorder recorder;

    SimulatedRoute53(FailoverDrill drill, Clock clock, ApiCallRecorder recorder) {
        this.drill = drill;
        this.clock = clock;
        this.recorder = recorder;
    }

    @Override
    public List<HealthCheck> listHealthChecks() {
        recorder.recordRequest("route53", "ListHealthChecks", ApiOutcome.OK);
        return List.of(
                new HealthCheck(FailoverDrill.PRIMARY_HEALTH_CHECK, "HTTPS", "primary.demo.invalid/health"),
                new HealthCheck(FailoverDrill.DR_HEALTH_CHECK, "HTTPS_STR_MATCH", "dr.demo.invalid/maintenance"));
    }

    @Override
    public List<CheckerObservation> getHealthCheckStatus(String healthCheckId) {
        recorder.recordRequest("route53", "GetHealthCheckStatus", ApiOutcome.OK);
        Instant now = clock.instant();
        boolean primary = healthCheckId.equals(FailoverDrill.PRIMARY_HEALTH_CHECK);
        Duration into = drill.intoOutage(now);
        List<CheckerObservation> out = new ArrayList<>();
        for (int i = 0; i < CHECKER_REGIONS.size(); i++) {
            boolean failing = primary && !into.isNegative() && into.compareTo(Duration.ofSeconds(10L * i)) >= 0;
            // the last region times out instead of getting a 503: the newest failure is still the 503 of region 0
            String status = !failing
                    ? "Success: HTTP Status Code 200, OK"
                    : i == CHECKER_REGIONS.size() - 1
                            ? "Failure: Connection timed out. The endpoint or the internet connection is down."
                            : "Failure: HTTP Status Code 503, Service Unavailable";
            out.add(CheckerObservation.of(CHECKER_REGIONS.get(i), status, now.minusSeconds(2L * i)));
        }
        return out;
    }

    @Override
    public List<FailoverRecordSet> listFailoverRecordSets(String hostedZoneId, String name, String type) {
        recorder.recordRequest("route53", "ListResourceRecordSets", ApiOutcome.OK);
        if (!hostedZoneId.equals(FailoverDrill.HOSTED_ZONE)
                || !FailoverRecordSet.normalize(name).equals(FailoverDrill.RECORD)
                || !type.equals("A")) {
            return List.of();
        }
        // Set identifiers equal to the demo's site names: alerts/dr.rules.yaml finds the standby site of a record
        // by its set identifier (or role), and tierlens_dr_active_site names sites by the configuration.
        return List.of(
                new FailoverRecordSet(
                        FailoverDrill.RECORD,
                        "A",
                        "aws",
                        FailoverRole.PRIMARY,
                        Optional.of(FailoverDrill.PRIMARY_HEALTH_CHECK),
                        FailoverDrill.PRIMARY_ADDRESSES,
                        Optional.empty()),
                new FailoverRecordSet(
                        FailoverDrill.RECORD,
                        "A",
                        "dr",
                        FailoverRole.SECONDARY,
                        Optional.of(FailoverDrill.DR_HEALTH_CHECK),
                        FailoverDrill.DR_ADDRESSES,
                        Optional.empty()));
    }

    @Override
    public String namespace() {
        return "AWS/Route53";
    }

    /** HealthCheckStatus (Minimum): 0 for periods in which the primary was down at the start. */
    @Override
    public OptionalDouble value(MetricQuery query, Instant periodStart) {
        if (!query.metricName().equals("HealthCheckStatus")) {
            return OptionalDouble.empty();
        }
        String id = query.dimensions().getOrDefault("HealthCheckId", "");
        if (id.equals(FailoverDrill.PRIMARY_HEALTH_CHECK)) {
            boolean down = drill.primaryDown(periodStart)
                    || drill.primaryDown(periodStart.plus(query.period()).minusMillis(1));
            return OptionalDouble.of(down ? 0 : 1);
        }
        return id.equals(FailoverDrill.DR_HEALTH_CHECK) ? OptionalDouble.of(1) : OptionalDouble.empty();
    }
}
