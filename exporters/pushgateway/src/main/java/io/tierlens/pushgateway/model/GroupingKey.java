package io.tierlens.pushgateway.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The Pushgateway group a job pushes to: {@code job} and, optionally, {@code instance} (the CronJob name, never a
 * pod name, so that each run replaces the previous run's values instead of adding a group). client_java encodes
 * values that are not plain path segments (a slash, a space) in the Pushgateway's {@code @base64} form.
 */
public record GroupingKey(String job, Optional<String> instance) {
    public GroupingKey {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(instance, "instance");
        if (job.isBlank()) {
            throw new IllegalArgumentException("job name is empty");
        }
        instance = instance.filter(i -> !i.isBlank());
    }

    public static GroupingKey of(String job, String instance) {
        return new GroupingKey(job, Optional.ofNullable(instance));
    }

    @Override
    public String toString() {
        return "job=" + job + instance.map(i -> " instance=" + i).orElse("");
    }
}
