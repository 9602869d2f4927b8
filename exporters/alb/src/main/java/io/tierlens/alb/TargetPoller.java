package io.tierlens.alb;

import io.tierlens.alb.client.AlbApi;
import io.tierlens.alb.collector.AlbQueries;
import io.tierlens.alb.discovery.AlbDiscovery;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchFetchException;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The ALB exporter's state for one (account, region) and one refresh of it, in three parts that fail
 * independently: discovery (every {@code discovery_interval}), CloudWatch and DescribeTargetHealth (every
 * refresh). A part that fails keeps its last good result for up to {@code max_staleness}, so one denied or
 * throttled API costs its own series only. Used from the exporter's refresh thread only.
 */
final class TargetPoller {
    static final String EXPORTER = "alb";

    private final AwsTarget target;
    private final AlbConfig config;
    private final Function<AwsTarget, AlbApi> apis;
    private final CloudWatchPlanner cloudWatch;
    private final AlbQueries queries;
    private final Clock clock;

    private AlbDiscovery discovery;
    private Optional<AlbInventory> inventory = Optional.empty();
    private boolean lastDiscoveryFailed;
    private Map<MetricQuery, MetricValue> values = Map.of();
    private Instant valuesFetchedAt = Instant.MIN;
    private final Map<String, TimedHealth> health = new HashMap<>();
    private Optional<Instant> lastSuccess = Optional.empty();

    TargetPoller(
            AwsTarget target,
            AlbConfig config,
            Function<AwsTarget, AlbApi> apis,
            CloudWatchPlanner cloudWatch,
            AlbQueries queries,
            Clock clock) {
        this.target = target;
        this.config = config;
        this.apis = apis;
        this.cloudWatch = cloudWatch;
        this.queries = queries;
        this.clock = clock;
    }

    AwsTarget target() {
        return target;
    }

    /** Runs the parts that are due; never throws except when interrupted. */
    Outcome poll() throws InterruptedException {
        Outcome.Builder out = new Outcome.Builder();
        Instant now = clock.instant();
        if (discoveryDue(now)) {
            try {
                AlbDiscovery d = discovery();
                inventory = Optional.of(d.discover());
                lastDiscoveryFailed = false;
                out.succeeded();
            } catch (RuntimeException e) {
                lastDiscoveryFailed = true;
                out.failed(
                        e,
                        "discovery failed for " + target
                                + (inventory.isPresent() ? "; keeping the previous inventory" : ""));
            }
        }
        if (inventory.isEmpty()) {
            // Join the CloudWatch round with nothing, so other exporters of this target need not wait for us.
            fetchCloudWatch(AlbInventory.empty(now), out);
            return out.build();
        }
        AlbInventory inv = inventory.get();
        fetchCloudWatch(inv, out);
        if (config.targetHealth()) {
            fetchTargetHealth(inv, out);
        }
        if (out.anySucceeded() || !out.anyFailed()) {
            lastSuccess = Optional.of(clock.instant());
        }
        return out.build();
    }

    private boolean discoveryDue(Instant now) {
        return inventory.isEmpty()
                || lastDiscoveryFailed
                || !now.isBefore(inventory.get().discoveredAt().plus(config.discoveryInterval()));
    }

    private AlbDiscovery discovery() {
        if (discovery == null) {
            discovery = new AlbDiscovery(config, target, apis.apply(target), clock);
        }
        return discovery;
    }

    private void fetchCloudWatch(AlbInventory inv, Outcome.Builder out) throws InterruptedException {
        List<MetricQuery> qs = queries.queries(inv);
        try {
            values = cloudWatch.fetch(EXPORTER, target, qs);
            valuesFetchedAt = clock.instant();
            if (!qs.isEmpty()) {
                out.succeeded();
            }
        } catch (CloudWatchFetchException e) {
            out.failed(e, "CloudWatch failed for " + target + "; keeping the previous values");
        }
    }

    /**
     * One DescribeTargetHealth per target group. Access denied and throttling stop the round for this target:
     * the remaining calls would fail the same way and throttling would only get worse.
     */
    private void fetchTargetHealth(AlbInventory inv, Outcome.Builder out) {
        AlbApi api;
        try {
            api = apis.apply(target);
        } catch (RuntimeException e) {
            out.failed(e, "no ELBv2 client for " + target);
            return;
        }
        Set<String> reasons = new LinkedHashSet<>();
        boolean anyOk = false;
        for (TargetGroup tg : inv.targetGroups()) {
            try {
                List<TargetHealth> targets = api.describeTargetHealth(tg.arn());
                health.put(tg.arn(), new TimedHealth(List.copyOf(targets), clock.instant()));
                anyOk = true;
            } catch (RuntimeException e) {
                String reason = FailureReason.of(e);
                if (reasons.add(reason)) {
                    out.failed(
                            e,
                            "DescribeTargetHealth failed for " + target + "; target health series are kept"
                                    + " from the last success or left out");
                }
                if (reason.equals(FailureReason.ACCESS_DENIED) || reason.equals(FailureReason.THROTTLED)) {
                    break;
                }
            }
        }
        if (anyOk) {
            out.succeeded();
        }
    }

    /** Whether this target has anything to serve: some part succeeded within {@code max_staleness}. */
    boolean servable(Instant now) {
        return inventory.isPresent()
                && lastSuccess.isPresent()
                && !now.isAfter(lastSuccess.get().plus(config.maxStaleness()));
    }

    Optional<AlbInventory> inventory() {
        return inventory;
    }

    /** The last CloudWatch values, unless they are older than {@code max_staleness}. */
    Map<MetricQuery, MetricValue> values(Instant now) {
        return fresh(valuesFetchedAt, now) ? values : Map.of();
    }

    /** Target health per target group ARN, each unless older than {@code max_staleness}. */
    Map<String, List<TargetHealth>> targetHealth(Instant now) {
        Map<String, List<TargetHealth>> out = new HashMap<>();
        health.forEach((arn, h) -> {
            if (fresh(h.at(), now)) {
                out.put(arn, h.targets());
            }
        });
        return out;
    }

    private boolean fresh(Instant at, Instant now) {
        return !at.equals(Instant.MIN) && !now.isAfter(at.plus(config.maxStaleness()));
    }

    private record TimedHealth(List<TargetHealth> targets, Instant at) {}

    /** What one poll of one target did. */
    record Outcome(int succeeded, List<PartialFailure> failures, Optional<Exception> firstError) {

        /** Something was tried and nothing worked. */
        boolean totalFailure() {
            return succeeded == 0 && !failures.isEmpty();
        }

        static final class Builder {
            private int succeeded;
            private final List<PartialFailure> failures = new ArrayList<>();
            private Exception firstError;

            void succeeded() {
                succeeded++;
            }

            void failed(Exception e, String message) {
                failures.add(new PartialFailure(FailureReason.of(e), message + ": " + describe(e)));
                if (firstError == null) {
                    firstError = e;
                }
            }

            boolean anySucceeded() {
                return succeeded > 0;
            }

            boolean anyFailed() {
                return !failures.isEmpty();
            }

            /**
             * The error code (or exception type), never AWS's message: that one names principals and carries
             * request ids, which have no place in a log line that repeats every refresh.
             */
            static String describe(Throwable e) {
                Throwable t = e instanceof CloudWatchFetchException && e.getCause() != null ? e.getCause() : e;
                if (t instanceof AwsServiceException a && a.awsErrorDetails() != null) {
                    return a.awsErrorDetails().errorCode() + " (HTTP " + a.statusCode() + ")";
                }
                return t.getClass().getSimpleName();
            }

            Outcome build() {
                return new Outcome(succeeded, List.copyOf(failures), Optional.ofNullable(firstError));
            }
        }
    }
}
