package io.tierlens.pushgateway.model;

import java.util.Map;
import java.util.Optional;

/**
 * One group as the Pushgateway holds it.
 *
 * @param labels the grouping labels ({@code job}, {@code instance}, ...)
 * @param values metric name → value, for the samples that carry exactly the group's labels (what run-job
 *     pushes); samples with extra labels are left out
 */
public record PushedGroup(Map<String, String> labels, Map<String, Double> values) {

    public PushedGroup {
        labels = Map.copyOf(labels);
        values = Map.copyOf(values);
    }

    public String job() {
        return labels.getOrDefault("job", "");
    }

    public Optional<String> instance() {
        return Optional.ofNullable(labels.get("instance")).filter(i -> !i.isEmpty());
    }

    public Optional<Double> value(String metric) {
        return Optional.ofNullable(values.get(metric));
    }
}
