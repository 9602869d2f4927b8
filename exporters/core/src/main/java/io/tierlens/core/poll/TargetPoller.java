package io.tierlens.core.poll;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.CloudWatchFetchException;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.MetricValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One target of a CloudWatch exporter (ALB, RDS): discovery every {@code discovery_interval}, CloudWatch through
 * the shared planner every poll, and the exporter's other reads ({@link RefreshPart}s) every poll. Each part fails
 * on its own and keeps its last good result for up to {@code max_staleness} (the inventory for up to
 * {@code max_staleness} after its next discovery was due).
 *
 * <p>The planner's contract is kept here, not by each exporter: constructing a poller declares the exporter to
 * the planner for this target, and every {@link #poll()} submits exactly once, an empty list when discovery has
 * failed or found nothing. Otherwise the other exporters of the (account, region) would wait the gather window
 * for us every refresh. Used from the exporter's refresh thread only.
 *
 * @param <I> the exporter's inventory
 */
public final class TargetPoller<I> implements PolledTarget {
    public static final String DISCOVERY = "discovery";
    public static final String CLOUDWATCH = "cloudwatch";

    /** How often discovery runs and how long a failed part's last result is served. */
    public record Schedule(Duration discoveryInterval, Duration maxStaleness) {}

    private final String exporter;
    private final AwsTarget target;
    private final Schedule schedule;
    private final Discovery<I> discovery;
    private final Function<I, List<MetricQuery>> queries;
    private final List<RefreshPart<I>> parts;
    private final CloudWatchPlanner cloudWatch;
    private final Clock clock;

    private Optional<Kept<I>> inventory = Optional.empty();
    private boolean lastDiscoveryFailed;
    private Optional<Kept<Map<MetricQuery, MetricValue>>> values = Optional.empty();
    private Optional<Instant> lastSuccess = Optional.empty();

    /**
     * @param queries the CloudWatch queries an inventory implies
     * @param parts the other reads of every poll, given the current inventory
     */
    public TargetPoller(
            String exporter,
            AwsTarget target,
            Schedule schedule,
            Discovery<I> discovery,
            Function<I, List<MetricQuery>> queries,
            List<? extends RefreshPart<I>> parts,
            CloudWatchPlanner cloudWatch,
            Clock clock) {
        this.exporter = exporter;
        this.target = target;
        this.schedule = schedule;
        this.discovery = discovery;
        this.queries = queries;
        this.parts = List.copyOf(parts);
        this.cloudWatch = cloudWatch;
        this.clock = clock;
        // Declared up front so the planner's rounds wait for our queries and pack them with other exporters'.
        cloudWatch.expect(exporter, target);
    }

    @Override
    public AwsTarget target() {
        return target;
    }

    @Override
    public PollOutcome poll() throws InterruptedException {
        PollOutcome.Builder out = PollOutcome.builder(target);
        Instant now = clock.instant();
        try {
            if (inventory.isPresent() && expired(inventory.get(), now)) {
                inventory = Optional.empty();
            }
            if (discoveryDue(now)) {
                discover(out);
            }
        } finally {
            // Exactly one submission per poll, whatever happened above.
            fetchCloudWatch(out);
        }
        if (inventory.isPresent()) {
            I inv = inventory.get().value();
            for (RefreshPart<I> part : parts) {
                try {
                    part.refresh(inv, out);
                } catch (RuntimeException e) {
                    out.failed(part.name(), e, part.name() + " failed", "");
                }
            }
        }
        PollOutcome outcome = out.build();
        if (inventory.isPresent() && !outcome.totalFailure()) {
            lastSuccess = Optional.of(clock.instant());
        }
        return outcome;
    }

    private boolean expired(Kept<I> inv, Instant now) {
        return now.isAfter(inv.at().plus(schedule.discoveryInterval()).plus(schedule.maxStaleness()));
    }

    private boolean discoveryDue(Instant now) {
        return inventory.isEmpty()
                || lastDiscoveryFailed
                || !now.isBefore(inventory.get().at().plus(schedule.discoveryInterval()));
    }

    private void discover(PollOutcome.Builder out) {
        try {
            Discovery.Discovered<I> found = discovery.discover();
            inventory = Optional.of(new Kept<>(found.inventory(), clock.instant()));
            lastDiscoveryFailed = false;
            out.succeeded(DISCOVERY);
            found.problems().forEach(p -> out.problem(DISCOVERY, p));
        } catch (RuntimeException e) {
            lastDiscoveryFailed = true;
            out.failed(DISCOVERY, e, "discovery failed", inventory.isPresent() ? "keeping the previous inventory" : "");
        }
    }

    private void fetchCloudWatch(PollOutcome.Builder out) throws InterruptedException {
        List<MetricQuery> qs = List.of();
        try {
            qs = inventory.map(k -> queries.apply(k.value())).orElse(List.of());
        } catch (RuntimeException e) {
            out.failed(CLOUDWATCH, e, "CloudWatch queries could not be built", "");
        }
        try {
            Map<MetricQuery, MetricValue> fetched = cloudWatch.fetch(exporter, target, qs);
            values = Optional.of(new Kept<>(fetched, clock.instant()));
            if (!qs.isEmpty()) {
                out.succeeded(CLOUDWATCH);
            }
        } catch (CloudWatchFetchException | RuntimeException e) {
            out.failed(CLOUDWATCH, e, "CloudWatch failed", values.isPresent() ? "keeping the previous values" : "");
        }
    }

    /** Whether this target has anything to serve: an inventory, and a poll that worked within max staleness. */
    @Override
    public boolean servable(Instant now) {
        return inventory.isPresent()
                && lastSuccess.isPresent()
                && !now.isAfter(lastSuccess.get().plus(schedule.maxStaleness()));
    }

    /** The current inventory (check {@link #servable} before serving it). */
    public Optional<I> inventory() {
        return inventory.map(Kept::value);
    }

    /** The last CloudWatch values, unless they are older than {@code max_staleness}. */
    public Map<MetricQuery, MetricValue> values(Instant now) {
        return values.filter(k -> k.fresh(now, schedule.maxStaleness()))
                .map(Kept::value)
                .orElse(Map.of());
    }

    @Override
    public void addDataTimes(DataTime times, Instant now) {
        values(now).values().forEach(v -> times.measured(v.periodEnd()));
        inventory.ifPresent(k -> times.read(k.at()));
    }
}
