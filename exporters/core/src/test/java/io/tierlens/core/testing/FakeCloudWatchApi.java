package io.tierlens.core.testing;

import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.MetricQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A {@link CloudWatchApi} that answers from datapoints the test puts in ({@link #put}) or from a function of the
 * query ({@link #answer}), and remembers every call. It checks requests the way GetMetricData does (at most 500
 * queries, ids unique and well-formed), so a planner bug shows up as a failure rather than as a request AWS
 * would reject. Thread-safe.
 */
public final class FakeCloudWatchApi implements CloudWatchApi {
    private static final Pattern ID = Pattern.compile("^[a-z][a-zA-Z0-9_]*$");

    /** One GetMetricData request as the fake received it. */
    public record Call(List<IdentifiedQuery> queries, Instant start, Instant end) {
        public List<MetricQuery> metricQueries() {
            return queries.stream().map(IdentifiedQuery::query).toList();
        }

        /** How many queries the call asked. */
        public int size() {
            return queries.size();
        }
    }

    private final Map<MetricQuery, List<Datapoint>> data = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private BiFunction<MetricQuery, Instant, List<Datapoint>> answers = (q, end) -> List.of();
    private Supplier<? extends RuntimeException> failure;

    /** Adds a datapoint of {@code query} for the period starting at {@code periodStart}. */
    public synchronized FakeCloudWatchApi put(MetricQuery query, Instant periodStart, double value) {
        data.computeIfAbsent(query, q -> new ArrayList<>()).add(new Datapoint(periodStart, value));
        return this;
    }

    /**
     * Answers every query, besides what was {@link #put}, with one datapoint {@code value.apply(query)} in the
     * newest period of the window.
     */
    public void answer(Function<MetricQuery, Optional<Double>> value) {
        answer((q, end) -> value.apply(q)
                .map(v -> List.of(new Datapoint(end.minus(q.period()), v)))
                .orElse(List.of()));
    }

    /** Answers every query, besides what was {@link #put}, with the datapoints {@code data(query, windowEnd)}. */
    public synchronized void answer(BiFunction<MetricQuery, Instant, List<Datapoint>> data) {
        this.answers = data;
    }

    /** Makes every following call throw {@code e} (after being recorded); {@code null} heals the fake. */
    public synchronized void failWith(RuntimeException e) {
        this.failure = e == null ? null : () -> e;
    }

    /** Makes every following call throw a new {@code error.get()} (after being recorded). */
    public synchronized void fail(Supplier<? extends RuntimeException> error) {
        this.failure = error;
    }

    public synchronized void heal() {
        this.failure = null;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized Map<String, List<Datapoint>> getMetricData(
            List<IdentifiedQuery> queries, Instant start, Instant end) {
        calls.add(new Call(List.copyOf(queries), start, end));
        if (queries.isEmpty() || queries.size() > 500) {
            throw new IllegalArgumentException("GetMetricData takes 1 to 500 queries, got " + queries.size());
        }
        Set<String> ids = new HashSet<>();
        for (IdentifiedQuery q : queries) {
            if (!ID.matcher(q.id()).matches() || !ids.add(q.id())) {
                throw new IllegalArgumentException("invalid or duplicate query id " + q.id());
            }
        }
        if (failure != null) {
            throw failure.get();
        }
        Map<String, List<Datapoint>> out = new HashMap<>();
        for (IdentifiedQuery q : queries) {
            List<Datapoint> points = new ArrayList<>(answers.apply(q.query(), end));
            data.getOrDefault(q.query(), List.of()).stream()
                    .filter(p -> !p.timestamp().isBefore(start) && p.timestamp().isBefore(end))
                    .forEach(points::add);
            points.sort(Comparator.comparing(Datapoint::timestamp).reversed());
            if (!points.isEmpty()) {
                out.put(q.id(), points);
            }
        }
        return out;
    }
}
