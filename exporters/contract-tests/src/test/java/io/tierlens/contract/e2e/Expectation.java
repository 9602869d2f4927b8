package io.tierlens.contract.e2e;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a panel query must return in a phase: every series compared with a number ({@code 0}, {@code > 0},
 * {@code >= 0.9}), or exactly one series with a label value ({@code site=dr}). Nothing returned never matches: a
 * stat panel with no data shows "No data", not green or red, which is what issue 15 forbids. NaN never matches.
 */
record Expectation(String text, String operator, double number, String label, String labelValue) {
    private static final Pattern NUMBER = Pattern.compile("^(>=|<=|>|<|=)?\\s*(-?\\d+(?:\\.\\d+)?)$");
    private static final Pattern LABEL = Pattern.compile("^([a-z_]+)=([A-Za-z0-9_.-]+)$");

    static Expectation parse(String text) {
        Matcher n = NUMBER.matcher(text.trim());
        if (n.matches()) {
            return new Expectation(
                    text, n.group(1) == null ? "=" : n.group(1), Double.parseDouble(n.group(2)), null, null);
        }
        Matcher l = LABEL.matcher(text.trim());
        if (l.matches()) {
            return new Expectation(text, null, 0, l.group(1), l.group(2));
        }
        throw new IllegalArgumentException("expected value \"" + text + "\": a number with an optional comparison"
                + " (> 0, = 1, >= 0.9) or label=value");
    }

    /** Why {@code samples} do not match, or empty when they do. */
    Optional<String> mismatch(List<PrometheusApi.Sample> samples) {
        if (samples.isEmpty()) {
            return Optional.of("no series (the panel shows \"No data\")");
        }
        if (label != null) {
            if (samples.size() != 1
                    || !labelValue.equals(samples.get(0).labels().get(label))) {
                return Optional.of("series "
                        + samples.stream().map(s -> s.labels().get(label)).toList() + ", expected" + " only " + label
                        + "=" + labelValue);
            }
            return Optional.empty();
        }
        for (PrometheusApi.Sample s : samples) {
            double v = s.value();
            boolean ok = switch (operator) {
                case ">" -> v > number;
                case ">=" -> v >= number;
                case "<" -> v < number;
                case "<=" -> v <= number;
                default -> v == number;
            };
            if (!ok) {
                return Optional.of("value " + v + " " + s.labels() + ", expected " + text);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
