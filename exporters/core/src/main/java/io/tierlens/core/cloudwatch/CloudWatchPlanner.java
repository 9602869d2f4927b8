package io.tierlens.core.cloudwatch;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only caller of CloudWatch. Exporters hand it the queries their inventory implies; it packs the queries
 * of every exporter of one (account, region) into shared GetMetricData calls of at most 500 queries over a
 * period-aligned window, and gives each exporter the newest complete datapoint of each of its queries.
 *
 * <p>Sharing across exporters works by gathering: the first exporter of a target to call {@link #fetch} opens
 * a round; the round runs as soon as every exporter registered with {@link #expect} has joined, or when the
 * gather window ends (an exporter that failed before fetching must not hold the others up for long).
 */
public final class CloudWatchPlanner {
    private static final Logger log = LoggerFactory.getLogger(CloudWatchPlanner.class);

    private final CloudWatchConfig config;
    private final Function<AwsTarget, CloudWatchApi> apis;
    private final Clock clock;
    private final SelfMetrics self;
    private final Map<String, Set<String>> expected = new HashMap<>();
    private final Map<String, Round> open = new HashMap<>();

    public CloudWatchPlanner(
            CloudWatchConfig config, Function<AwsTarget, CloudWatchApi> apis, Clock clock, SelfMetrics self) {
        this.config = config;
        this.apis = apis;
        this.clock = clock;
        this.self = self;
    }

    public CloudWatchConfig config() {
        return config;
    }

    /** Declares that {@code exporter} fetches for {@code target} every refresh, so rounds wait for it. */
    public synchronized void expect(String exporter, AwsTarget target) {
        expected.computeIfAbsent(target.key(), k -> new HashSet<>()).add(exporter);
    }

    /**
     * The newest complete value of each query; queries with no data (and no zero-fill) are absent. An expected
     * exporter with nothing to ask should still call this with no queries: it returns at once and lets the
     * round run without waiting the gather window for it.
     *
     * @throws CloudWatchFetchException if any of these queries could not be fetched
     */
    public Map<MetricQuery, MetricValue> fetch(String exporter, AwsTarget target, Collection<MetricQuery> queries)
            throws CloudWatchFetchException, InterruptedException {
        Round round;
        boolean runNow;
        synchronized (this) {
            round = open.computeIfAbsent(target.key(), k -> new Round(target));
            round.submissions.put(exporter, List.copyOf(queries));
            runNow = round.submissions.keySet().containsAll(expected.getOrDefault(target.key(), Set.of()));
            if (runNow) {
                close(round);
            }
        }
        if (queries.isEmpty()) {
            // Nothing to ask (e.g. a filter matches no resource), but joining the round matters: the other
            // exporters of this target would otherwise wait the whole gather window for us.
            if (runNow) {
                execute(round);
            }
            return Map.of();
        }
        if (runNow) {
            execute(round);
        } else {
            try {
                round.done.get(config.gatherWindow().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                boolean mine;
                synchronized (this) {
                    mine = !round.closed;
                    if (mine) {
                        close(round);
                    }
                }
                if (mine) {
                    execute(round);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("CloudWatch round failed unexpectedly", e.getCause());
            }
        }
        try {
            return round.done.get().forQueries(queries);
        } catch (ExecutionException e) {
            throw new IllegalStateException("CloudWatch round failed unexpectedly", e.getCause());
        }
    }

    private void close(Round round) {
        round.closed = true;
        open.remove(round.target.key(), round);
    }

    private void execute(Round round) {
        try {
            round.done.complete(run(round));
        } catch (RuntimeException e) {
            round.done.completeExceptionally(e);
        }
    }

    private RoundResult run(Round round) {
        Map<MetricQuery, String> owner = new LinkedHashMap<>();
        round.submissions.forEach((exporter, qs) -> qs.forEach(q -> owner.putIfAbsent(q, exporter)));
        PlannedCalls plan = PlannedCalls.pack(owner.keySet(), config.maxQueriesPerCall());
        Instant now = clock.instant();
        CloudWatchApi api = apis.apply(round.target);
        Map<MetricQuery, MetricValue> values = new HashMap<>();
        Map<MetricQuery, RuntimeException> failures = new HashMap<>();
        for (List<MetricQuery> call : plan.calls()) {
            Duration period = call.get(0).period();
            QueryWindow window = QueryWindow.at(now, period, config.delay(), config.lookbackPeriods());
            List<CloudWatchApi.IdentifiedQuery> identified = new ArrayList<>(call.size());
            for (int i = 0; i < call.size(); i++) {
                identified.add(new CloudWatchApi.IdentifiedQuery("q" + i, call.get(i)));
            }
            try {
                Map<String, List<CloudWatchApi.Datapoint>> data =
                        api.getMetricData(identified, window.start(), window.end());
                self.recordCost("cloudwatch", call.size() * PlannedCalls.USD_PER_METRIC);
                for (CloudWatchApi.IdentifiedQuery iq : identified) {
                    self.cloudWatchMetricsRequested(owner.get(iq.query()), 1);
                    newestComplete(iq.query(), data.getOrDefault(iq.id(), List.of()), window)
                            .ifPresent(v -> values.put(iq.query(), v));
                }
            } catch (RuntimeException e) {
                log.debug("GetMetricData for {} ({} queries) failed: {}", round.target, call.size(), e.toString());
                call.forEach(q -> failures.put(q, e));
            }
        }
        return new RoundResult(values, failures, round.target);
    }

    /** Newest datapoint inside the window; for zero-filled queries, the newest period or 0. */
    static java.util.Optional<MetricValue> newestComplete(
            MetricQuery q, List<CloudWatchApi.Datapoint> points, QueryWindow window) {
        CloudWatchApi.Datapoint newest = null;
        for (CloudWatchApi.Datapoint p : points) {
            boolean inside =
                    !p.timestamp().isBefore(window.start()) && p.timestamp().isBefore(window.end());
            if (inside && (newest == null || p.timestamp().isAfter(newest.timestamp()))) {
                newest = p;
            }
        }
        if (q.zeroWhenMissing()) {
            // ELB counters are omitted, not zero, when nothing happened: the newest period without a point is 0.
            Instant last = window.newestPeriodStart();
            if (newest == null || newest.timestamp().isBefore(last)) {
                return java.util.Optional.of(new MetricValue(0, last, window.period(), true));
            }
        }
        return newest == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(new MetricValue(newest.value(), newest.timestamp(), window.period(), false));
    }

    private static final class Round {
        final AwsTarget target;
        final Map<String, List<MetricQuery>> submissions = new LinkedHashMap<>();
        final CompletableFuture<RoundResult> done = new CompletableFuture<>();
        boolean closed;

        Round(AwsTarget target) {
            this.target = target;
        }
    }

    private record RoundResult(
            Map<MetricQuery, MetricValue> values, Map<MetricQuery, RuntimeException> failures, AwsTarget target) {

        Map<MetricQuery, MetricValue> forQueries(Collection<MetricQuery> queries) throws CloudWatchFetchException {
            Map<MetricQuery, MetricValue> out = new HashMap<>();
            for (MetricQuery q : queries) {
                RuntimeException failure = failures.get(q);
                if (failure != null) {
                    throw new CloudWatchFetchException("GetMetricData failed for " + target, failure);
                }
                MetricValue v = values.get(q);
                if (v != null) {
                    out.put(q, v);
                }
            }
            return out;
        }
    }
}
