package io.tierlens.demo;

import java.util.OptionalDouble;

/**
 * Combines samples of one period into the datapoint CloudWatch would return for a statistic. Each sample is the
 * source's answer "as if the whole period looked like this instant" (a count for the whole period, a level), so:
 *
 * <ul>
 *   <li>{@code Sum} (counts) is the mean of the samples with a missing sample counted as 0 (ELB omits a count when
 *       nothing happened): the integral of the rate over the period. Whole when the samples are whole counts.
 *   <li>{@code Maximum} / {@code Minimum} are the largest / smallest sample;
 *   <li>{@code Average}, percentiles and anything else are the mean of the samples that have a value.
 * </ul>
 *
 * No sample with a value means no datapoint, as CloudWatch returns none for a period without data.
 */
final class PeriodAggregate {
    private final String statistic;
    private final int expected;
    private int present;
    private double sum;
    private double max = Double.NEGATIVE_INFINITY;
    private double min = Double.POSITIVE_INFINITY;
    private boolean whole = true;

    PeriodAggregate(String statistic, int expected) {
        this.statistic = statistic;
        this.expected = expected;
    }

    void add(OptionalDouble sample) {
        if (sample.isEmpty()) {
            return;
        }
        double v = sample.getAsDouble();
        present++;
        sum += v;
        max = Math.max(max, v);
        min = Math.min(min, v);
        whole &= v == Math.rint(v);
    }

    OptionalDouble result() {
        if (present == 0) {
            return OptionalDouble.empty();
        }
        return switch (statistic) {
            case "Sum" -> {
                double integral = sum / expected;
                yield OptionalDouble.of(whole ? Math.round(integral) : integral);
            }
            case "Maximum" -> OptionalDouble.of(max);
            case "Minimum" -> OptionalDouble.of(min);
            default -> OptionalDouble.of(sum / present);
        };
    }
}
