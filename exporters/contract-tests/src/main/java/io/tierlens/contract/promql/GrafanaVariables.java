package io.tierlens.contract.promql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a dashboard query into plain PromQL the way Grafana would with every variable at "All": the interval
 * variables become fixed durations and every other variable becomes {@code .*} (the dashboards' allValue). Used
 * to check that queries parse and, by the end-to-end test, to run them against Prometheus.
 */
public final class GrafanaVariables {
    /** What $__rate_interval expands to; four scrape intervals of 15 s, as Grafana would compute it. */
    public static final String RATE_INTERVAL = "1m";

    public static final String RANGE = "1h";
    public static final String INTERVAL = "15s";

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z0-9_]+)(?::[A-Za-z0-9_]+)?}|\\[\\[([A-Za-z0-9_]+)(?::[A-Za-z0-9_]+)?]]|\\$([A-Za-z0-9_]+)");

    private GrafanaVariables() {}

    public static String expand(String query) {
        Matcher m = VARIABLE.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            // "$1" in label_replace is a regex back-reference; Grafana leaves names it does not know alone.
            String value = isBackReference(name) ? m.group() : valueOf(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "$1": a capture group reference of label_replace, never a dashboard variable. */
    public static boolean isBackReference(String name) {
        return name.chars().allMatch(Character::isDigit);
    }

    private static String valueOf(String name) {
        return switch (name) {
            case "__rate_interval" -> RATE_INTERVAL;
            case "__range" -> RANGE;
            case "__interval" -> INTERVAL;
            default -> ".*";
        };
    }

    /** Whether the query uses a rate-like function without $__rate_interval as its range. */
    public static boolean hasRateWithoutRateInterval(String query) {
        Matcher m = Pattern.compile("\\b(rate|irate|increase)\\s*\\(").matcher(query);
        while (m.find()) {
            int depth = 0;
            int i = m.end() - 1;
            int selectorEnd = -1;
            for (; i < query.length(); i++) {
                char c = query.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        selectorEnd = i;
                        break;
                    }
                }
            }
            String inside = selectorEnd < 0 ? query.substring(m.end()) : query.substring(m.end(), selectorEnd);
            int bracket = inside.lastIndexOf('[');
            if (bracket < 0 || !inside.substring(bracket).startsWith("[$__rate_interval]")) {
                return true;
            }
        }
        return false;
    }
}
