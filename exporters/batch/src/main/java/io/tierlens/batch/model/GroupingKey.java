package io.tierlens.batch.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Pushgateway group a job pushes to: {@code job} and, optionally, {@code instance} (the CronJob name, never a
 * pod name, so that each run replaces the previous run's values instead of adding a group).
 */
public record GroupingKey(String job, Optional<String> instance) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~-]+");

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

    /**
     * The path below {@code /metrics}: {@code /job/<job>[/instance/<instance>]}. Values that are not plain path
     * characters (a slash, a space) use the Pushgateway's {@code @base64} form, which it decodes back.
     */
    public String path() {
        StringBuilder sb = new StringBuilder("/job").append(segment(job));
        instance.ifPresent(i -> sb.append("/instance").append(segment(i)));
        return sb.toString();
    }

    private static String segment(String value) {
        if (PLAIN.matcher(value).matches()) {
            return "/" + value;
        }
        return "@base64/" + Base64.getUrlEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "job=" + job + instance.map(i -> " instance=" + i).orElse("");
    }
}
