package io.tierlens.contract.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metric names out of METRICS.md: every back-quoted {@code tierlens_...} name, with its type from the
 * "(c)" / "(h)" marker that follows it. A name written as {@code …_suffix} abbreviates a sibling of the line's
 * first name; it is resolved against the candidates "prefix of the first name at an underscore + suffix", and
 * {@link #elisions()} keeps the unresolved form so the caller can match it against a known list.
 */
public final class MetricsContract {
    private static final Pattern NAME =
            Pattern.compile("`(tierlens_[a-z0-9_]*[a-z0-9]|…_[a-z0-9_]+)(\\{[^`]*})?`(\\s*\\((c|h)\\b)?");

    private final Map<String, MetricType> explicit;
    private final Map<Elision, MetricType> elisions;

    private MetricsContract(Map<String, MetricType> explicit, Map<Elision, MetricType> elisions) {
        this.explicit = Map.copyOf(explicit);
        this.elisions = Map.copyOf(elisions);
    }

    /**
     * An abbreviated name: {@code suffix} appended to an underscore prefix of {@code firstName}. It stands for the
     * closest sibling, so among the known names it could mean, the one with the longest prefix wins
     * ({@code …_http_responses_per_second} after {@code tierlens_alb_target_group_requests_per_second} is the
     * target group's metric, not {@code tierlens_alb_http_responses_per_second}).
     */
    public record Elision(String firstName, String suffix) {
        public Optional<String> resolve(Set<String> knownNames) {
            for (int i = firstName.lastIndexOf('_'); i > 0; i = firstName.lastIndexOf('_', i - 1)) {
                String candidate = firstName.substring(0, i) + suffix;
                if (knownNames.contains(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }

    public static MetricsContract parse(String markdown) {
        Map<String, MetricType> explicit = new LinkedHashMap<>();
        Map<Elision, MetricType> elisions = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            String first = null;
            Matcher m = NAME.matcher(line);
            while (m.find()) {
                String name = m.group(1);
                MetricType type = m.group(4) == null
                        ? MetricType.GAUGE
                        : m.group(4).equals("c") ? MetricType.COUNTER : MetricType.HISTOGRAM;
                if (name.startsWith("…")) {
                    // Without a full name before it on the line it is prose about a suffix ("`…_per_second` =
                    // Sum / period"), not a metric.
                    if (first != null) {
                        elisions.put(new Elision(first, name.substring(1)), type);
                    }
                } else {
                    if (first == null) {
                        first = name;
                    }
                    explicit.put(name, type);
                }
            }
        }
        return new MetricsContract(explicit, elisions);
    }

    public Map<String, MetricType> explicit() {
        return explicit;
    }

    public Map<Elision, MetricType> elisions() {
        return elisions;
    }
}
