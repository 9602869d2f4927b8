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
 * period-aligned window, and gives each exporter the value to serve now of each of its queries.
 *
 * <p>Replay: a query is fetched only when the period it must serve has not been fetched yet, i.e. once per its
 * class's fetch interval, over every period since the last fetch; the buffered datapoints are then served one period
 * per refresh at the constant lag of {@link ReplaySchedule}. Exporters do not see the difference: they still get one
 * value per query per refresh, one period newer each minute.
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
    private final Map<String, Map<MetricQuery, ReplayBuffer>> buffers = new HashMap<>();
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

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
     * The value to serve now of each query (see {@link ReplaySchedule}); queries with no data (and no zero-fill) are absent. An expected
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
        } catch (RuntimeException | Error e) {
            // Errors too (a NoClassDefFoundError from a slim jar): other exporters of the round wait on it
            // without a time limit, so it must always complete.
            round.done.completeExceptionally(e);
        }
    }

    private RoundResult run(Round round) {
        Map<MetricQuery, String> owner = new LinkedHashMap<>();
        round.submissions.forEach((exporter, qs) -> qs.forEach(q -> owner.putIfAbsent(q, exporter)));
        Instant now = clock.instant();
        Map<MetricQuery, ReplayBuffer> buffers = buffers(round.target);
        Map<MetricQuery, MetricValue> values = new HashMap<>();
        Map<MetricQuery, RuntimeException> failures = new HashMap<>();
        // One round of a target at a time: buffers are shared state and a fetch must finish before serving.
        synchronized (buffers) {
            List<MetricQuery> due = new ArrayList<>();
            for (MetricQuery q : owner.keySet()) {
                ReplayBuffer b = buffers.computeIfAbsent(
                        q, k -> new ReplayBuffer(k, ReplaySchedule.of(k, config.delay(), config.lookbackPeriods())));
                b.submitted(now);
                if (b.due(now)) {
                    due.add(q);
                }
            }
            fetch(round.target, due, owner, buffers, now, failures);
            for (MetricQuery q : owner.keySet()) {
                if (!failures.containsKey(q)) {
                    buffers.get(q).serve(now).ifPresent(v -> values.put(q, v));
                }
            }
            forgetUnasked(buffers, now);
        }
        return new RoundResult(values, failures, round.target);
    }

    /** Fetches the due queries: one call per (period, interval) group of at most maxQueriesPerCall. */
    private void fetch(
            AwsTarget target,
            List<MetricQuery> due,
            Map<MetricQuery, String> owner,
            Map<MetricQuery, ReplayBuffer> buffers,
            Instant now,
            Map<MetricQuery, RuntimeException> failures) {
        if (due.isEmpty()) {
            return;
        }
        PlannedCalls plan = PlannedCalls.pack(due, config.maxQueriesPerCall());
        CloudWatchApi api = apis.apply(target);
        for (List<MetricQuery> call : plan.calls()) {
            ReplaySchedule schedule = buffers.get(call.get(0)).schedule();
            Instant start = schedule.fetchStart(now);
            Instant end = schedule.fetchEnd(now);
            List<CloudWatchApi.IdentifiedQuery> identified = new ArrayList<>(call.size());
            for (int i = 0; i < call.size(); i++) {
                identified.add(new CloudWatchApi.IdentifiedQuery("q" + i, call.get(i)));
            }
            try {
                Map<String, List<CloudWatchApi.Datapoint>> data = api.getMetricData(identified, start, end);
                if (!api.countsItsOwnCost()) {
                    // One answered attempt of `call.size()` metrics (docs/cloudwatch-cost.md, "What is billed").
                    self.recordCost("cloudwatch", call.size() * PlannedCalls.USD_PER_METRIC);
                }
                for (CloudWatchApi.IdentifiedQuery iq : identified) {
                    self.cloudWatchMetricsRequested(owner.get(iq.query()), 1);
                    buffers.get(iq.query()).accept(data.getOrDefault(iq.id(), List.of()), start, end);
                }
            } catch (RuntimeException e) {
                log.debug("GetMetricData for {} ({} queries) failed: {}", target, call.size(), e.toString());
                call.forEach(q -> failures.put(q, e));
            }
        }
    }

    private Map<MetricQuery, ReplayBuffer> buffers(AwsTarget target) {
        synchronized (this) {
            return buffers.computeIfAbsent(target.key(), k -> new HashMap<>());
        }
    }

    /** Queries nobody asked for in an hour (their resource is gone, or the config changed) are dropped. */
    private static void forgetUnasked(Map<MetricQuery, ReplayBuffer> buffers, Instant now) {
        Instant cutoff = now.minus(FORGET_AFTER);
        buffers.values().removeIf(b -> b.lastSubmitted().isBefore(cutoff));
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
