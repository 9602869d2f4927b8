package io.tierlens.rds;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchFetchException;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.rds.client.RdsApi;
import io.tierlens.rds.collector.RdsQueries;
import io.tierlens.rds.discovery.InstanceClassMemory;
import io.tierlens.rds.discovery.RdsDiscovery;
import io.tierlens.rds.model.RdsInventory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The RDS exporter's state for one (account, region) and one refresh of it, in two parts that fail
 * independently: discovery (every {@code discovery_interval}) and CloudWatch (every refresh). A part that fails
 * keeps its last good result for up to {@code max_staleness}. Used from the exporter's refresh thread only.
 */
final class TargetPoller {
    static final String EXPORTER = "rds";

    private final AwsTarget target;
    private final RdsConfig config;
    private final Function<AwsTarget, RdsApi> apis;
    private final CloudWatchPlanner cloudWatch;
    private final RdsQueries queries;
    private final InstanceClassMemory memory;
    private final Clock clock;

    private Optional<RdsInventory> inventory = Optional.empty();
    private boolean lastDiscoveryFailed;
    private Map<MetricQuery, MetricValue> values = Map.of();
    private Instant valuesFetchedAt = Instant.MIN;
    private Optional<Instant> lastSuccess = Optional.empty();

    TargetPoller(
            AwsTarget target,
            RdsConfig config,
            Function<AwsTarget, RdsApi> apis,
            CloudWatchPlanner cloudWatch,
            RdsQueries queries,
            InstanceClassMemory memory,
            Clock clock) {
        this.target = target;
        this.config = config;
        this.apis = apis;
        this.cloudWatch = cloudWatch;
        this.queries = queries;
        this.memory = memory;
        this.clock = clock;
    }

    AwsTarget target() {
        return target;
    }

    /** Runs the parts that are due; never throws except when interrupted. */
    Outcome poll() throws InterruptedException {
        List<PartialFailure> failures = new ArrayList<>();
        Exception firstError = null;
        int succeeded = 0;
        if (discoveryDue(clock.instant())) {
            try {
                RdsDiscovery.Result r = new RdsDiscovery(config, target, apis.apply(target), clock, memory).discover();
                inventory = Optional.of(r.inventory());
                failures.addAll(r.failures());
                lastDiscoveryFailed = false;
                succeeded++;
            } catch (RuntimeException e) {
                lastDiscoveryFailed = true;
                failures.add(failure(
                        e,
                        "discovery failed for " + target
                                + (inventory.isPresent() ? "; keeping the previous inventory" : "")));
                firstError = e;
            }
        }
        if (inventory.isPresent()) {
            List<MetricQuery> qs = queries.queries(inventory.get());
            try {
                // Every refresh submits, even with nothing to ask: the planner's round waits for each expected
                // exporter, and an empty submission tells it not to wait for us.
                values = cloudWatch.fetch(EXPORTER, target, qs);
                valuesFetchedAt = clock.instant();
                succeeded++;
            } catch (CloudWatchFetchException e) {
                failures.add(failure(e, "CloudWatch failed for " + target + "; keeping the previous values"));
                if (firstError == null) {
                    firstError = e;
                }
            }
        }
        if (succeeded > 0) {
            lastSuccess = Optional.of(clock.instant());
        }
        return new Outcome(succeeded, failures, Optional.ofNullable(firstError));
    }

    private boolean discoveryDue(Instant now) {
        return inventory.isEmpty()
                || lastDiscoveryFailed
                || !now.isBefore(inventory.get().discoveredAt().plus(config.discoveryInterval()));
    }

    /** Whether this target has anything to serve: some part succeeded within {@code max_staleness}. */
    boolean servable(Instant now) {
        return inventory.isPresent()
                && lastSuccess.isPresent()
                && !now.isAfter(lastSuccess.get().plus(config.maxStaleness()));
    }

    Optional<RdsInventory> inventory() {
        return inventory;
    }

    /** The last CloudWatch values, unless they are older than {@code max_staleness}. */
    Map<MetricQuery, MetricValue> values(Instant now) {
        boolean fresh =
                !valuesFetchedAt.equals(Instant.MIN) && !now.isAfter(valuesFetchedAt.plus(config.maxStaleness()));
        return fresh ? values : Map.of();
    }

    private static PartialFailure failure(Exception e, String message) {
        return new PartialFailure(FailureReason.of(e), message + ": " + e.getMessage());
    }

    /** What one poll of one target did. */
    record Outcome(int succeeded, List<PartialFailure> failures, Optional<Exception> firstError) {
        Outcome {
            failures = List.copyOf(failures);
        }

        /** Something was tried and nothing worked. */
        boolean totalFailure() {
            return succeeded == 0 && firstError.isPresent();
        }
    }
}
