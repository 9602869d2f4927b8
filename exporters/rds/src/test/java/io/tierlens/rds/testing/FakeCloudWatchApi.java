package io.tierlens.rds.testing;

import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.MetricQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * CloudWatch GetMetricData answered by a function of (query, window end): the test decides which datapoints
 * exist. Records every request's size and window.
 */
public final class FakeCloudWatchApi implements CloudWatchApi {
    private volatile BiFunction<MetricQuery, Instant, List<Datapoint>> data = (q, end) -> List.of();
    private volatile Supplier<RuntimeException> failure;
    private final List<Request> requests = new ArrayList<>();

    /** Answers every query with one datapoint {@code value.apply(query)} in the newest complete period. */
    public void answer(java.util.function.Function<MetricQuery, Optional<Double>> value) {
        data = (q, end) -> value.apply(q)
                .map(v -> List.of(new Datapoint(end.minus(q.period()), v)))
                .orElse(List.of());
    }

    public void answer(BiFunction<MetricQuery, Instant, List<Datapoint>> data) {
        this.data = data;
    }

    public void fail(Supplier<RuntimeException> error) {
        this.failure = error;
    }

    public void heal() {
        this.failure = null;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized Map<String, List<Datapoint>> getMetricData(
            List<IdentifiedQuery> queries, Instant start, Instant end) {
        requests.add(new Request(queries.size(), start, end));
        if (failure != null) {
            throw failure.get();
        }
        Map<String, List<Datapoint>> out = new HashMap<>();
        for (IdentifiedQuery iq : queries) {
            out.put(iq.id(), new ArrayList<>(data.apply(iq.query(), end)));
        }
        return out;
    }

    public record Request(int queries, Instant start, Instant end) {}
}
