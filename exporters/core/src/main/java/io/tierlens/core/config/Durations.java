package io.tierlens.core.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Prometheus-style durations: {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h}, {@code 2d}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private Durations() {}

    /** The duration, or empty if {@code text} is not a duration with units. Negative values are not durations. */
    public static Optional<Duration> parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int pos = 0;
        try {
            while (m.find()) {
                if (m.start() != pos) {
                    return Optional.empty();
                }
                long n = Long.parseLong(m.group(1));
                total = total.plus(
                        switch (m.group(2)) {
                            case "ms" -> Duration.ofMillis(n);
                            case "s" -> Duration.ofSeconds(n);
                            case "m" -> Duration.ofMinutes(n);
                            case "h" -> Duration.ofHours(n);
                            case "d" -> Duration.ofDays(n);
                            default -> Duration.ofDays(Math.multiplyExact(7, n));
                        });
                pos = m.end();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // Too large for a Duration: not a duration the user could mean, so a config error, not a crash.
            return Optional.empty();
        }
        return pos == s.length() ? Optional.of(total) : Optional.empty();
    }

    /** Formats like Prometheus does ({@code 1h30m}, {@code 45s}), for summaries and error messages. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long ms = d.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (ms >= units[i]) {
                sb.append(ms / units[i]).append(names[i]);
                ms %= units[i];
            }
        }
        return sb.toString();
    }
}
