package io.tierlens.dr.discovery;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchFetchException;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.dr.DrConfig;
import io.tierlens.dr.RecordConfig;
import io.tierlens.dr.client.Route53Api;
import io.tierlens.dr.model.CheckerObservation;
import io.tierlens.dr.model.FailoverRecord;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.FailureKind;
import io.tierlens.dr.model.HealthCheck;
import io.tierlens.dr.model.HealthCheckState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one account's Route53 side: health checks with their checker observations and CloudWatch status, and the
 * failover record sets of the configured records. Listing health checks must work (it is the backbone of the
 * exporter); a single health check's status, CloudWatch, or one record's listing may fail and only that part is
 * left out, reported as a partial failure.
 */
public final class Route53Inventory {
    private static final Logger log = LoggerFactory.getLogger(Route53Inventory.class);
    /** Where Route53 publishes health check metrics, whatever region the rest of the estate is in. */
    public static final String METRICS_REGION = "us-east-1";

    private final String exporter;
    private final CloudWatchPlanner cloudWatch;
    private final DrConfig config;

    public Route53Inventory(String exporter, CloudWatchPlanner cloudWatch, DrConfig config) {
        this.exporter = exporter;
        this.cloudWatch = cloudWatch;
        this.config = config;
    }

    /** What was read, and the parts that failed. */
    public record Result(List<HealthCheckState> checks, List<FailoverRecord> records, List<PartialFailure> failures) {}

    /** The CloudWatch query behind {@code tierlens_dr_health_check_healthy}. */
    public static MetricQuery statusQuery(String healthCheckId, Duration period) {
        return new MetricQuery(
                "AWS/Route53", "HealthCheckStatus", Map.of("HealthCheckId", healthCheckId), "Minimum", period, false);
    }

    /**
     * @param target the account, in us-east-1
     * @param records the configured records that live in this account
     */
    public Result read(AwsTarget target, Route53Api api, List<RecordConfig> records) throws InterruptedException {
        List<PartialFailure> failures = new ArrayList<>();
        List<HealthCheck> checks = api.listHealthChecks().stream()
                .filter(c ->
                        config.healthChecks().isEmpty() || config.healthChecks().contains(c.id()))
                .toList();
        Map<MetricQuery, MetricValue> statuses = cloudWatchStatus(target, checks, failures);
        List<HealthCheckState> states = new ArrayList<>();
        // one partial failure per reason, not per health check: a missing permission must not log 50 lines
        Map<String, List<String>> statusFailures = new TreeMap<>();
        for (HealthCheck c : checks) {
            List<CheckerObservation> observations = List.of();
            if (c.hasCheckerObservations()) {
                try {
                    observations = api.getHealthCheckStatus(c.id());
                } catch (RuntimeException e) {
                    statusFailures
                            .computeIfAbsent(FailureReason.of(e), r -> new ArrayList<>())
                            .add(c.id() + " (" + e.getMessage() + ")");
                }
            }
            MetricValue cw =
                    statuses.get(statusQuery(c.id(), cloudWatch.config().period()));
            states.add(state(target.accountId(), c, observations, Optional.ofNullable(cw)));
        }
        statusFailures.forEach((reason, which) -> failures.add(new PartialFailure(
                reason,
                "GetHealthCheckStatus failed for " + which.size() + " health check(s), first: " + which.get(0))));
        List<FailoverRecord> failover = new ArrayList<>();
        for (RecordConfig r : records) {
            try {
                List<FailoverRecordSet> sets = api.listFailoverRecordSets(r.hostedZoneId(), r.name(), r.type());
                if (sets.isEmpty()) {
                    log.debug("record {} {} in {} has no failover record sets", r.name(), r.type(), r.hostedZoneId());
                }
                failover.add(new FailoverRecord(r.name(), r.type(), target.accountId(), sets));
            } catch (RuntimeException e) {
                failures.add(new PartialFailure(
                        FailureReason.of(e), "ListResourceRecordSets for " + r.name() + " failed: " + e.getMessage()));
            }
        }
        return new Result(states, failover, failures);
    }

    private Map<MetricQuery, MetricValue> cloudWatchStatus(
            AwsTarget target, List<HealthCheck> checks, List<PartialFailure> failures) throws InterruptedException {
        Duration period = cloudWatch.config().period();
        List<MetricQuery> queries =
                checks.stream().map(c -> statusQuery(c.id(), period)).toList();
        try {
            return cloudWatch.fetch(exporter, target.inRegion(METRICS_REGION), queries);
        } catch (CloudWatchFetchException e) {
            failures.add(new PartialFailure(e.reason(), "HealthCheckStatus from CloudWatch: " + e.getMessage()));
            return Map.of();
        }
    }

    /** Combines the checker observations and the CloudWatch status of one health check. */
    static HealthCheckState state(
            String accountId, HealthCheck check, List<CheckerObservation> observations, Optional<MetricValue> cw) {
        Optional<Double> ratio = observations.isEmpty()
                ? Optional.empty()
                : Optional.of(observations.stream()
                                .filter(CheckerObservation::healthy)
                                .count()
                        / (double) observations.size());
        Optional<Boolean> healthy =
                cw.map(v -> v.value() >= 1.0).or(() -> ratio.map(r -> r > HealthCheckState.ROUTE53_HEALTHY_SHARE));
        Optional<FailureKind> lastFailure = observations.stream()
                .filter(o -> !o.healthy())
                .max(Comparator.comparing(CheckerObservation::checkedAt))
                .flatMap(CheckerObservation::failure);
        return new HealthCheckState(accountId, check, healthy, ratio, lastFailure);
    }
}
