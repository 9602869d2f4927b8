package io.tierlens.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes label selector syntax ({@code k8s.io/apimachinery/pkg/labels}): comma-separated requirements
 * {@code key}, {@code !key}, {@code key=value}, {@code key==value}, {@code key!=value}, {@code key in (a,b)},
 * {@code key notin (a,b)}. Checked at check-config: the API server would refuse a bad one at every list call,
 * long after the file was declared valid.
 */
public final class LabelSelectors {
    private static final String NAME = "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
    private static final String PREFIX = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final String KEY = "(" + PREFIX + "/)?" + NAME;
    private static final String VALUE = "(" + NAME + ")?";
    private static final Pattern EXISTS = Pattern.compile("!?\\s*" + KEY);
    private static final Pattern EQUALITY = Pattern.compile(KEY + "\\s*(==|!=|=)\\s*" + VALUE);
    private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s+\\(([^()]*)\\)");
    private static final Pattern SET_VALUE = Pattern.compile(VALUE);

    private LabelSelectors() {}

    /** Adds one error at {@code path} if {@code selector} (empty = select all) is not a valid selector. */
    public static void check(String selector, String path, ConfigProblems problems) {
        if (selector == null || selector.isBlank()) {
            return;
        }
        for (String requirement : split(selector)) {
            if (!valid(requirement.strip())) {
                problems.add(
                        path,
                        "\"" + requirement.strip() + "\" is not a Kubernetes label selector requirement",
                        "separate requirements with commas: key=value, key!=value, key in (a,b), key notin (a),"
                                + " key, !key (e.g. tier=batch,team in (shop,ops))");
                return;
            }
        }
    }

    private static boolean valid(String r) {
        if (r.isEmpty()) {
            return false;
        }
        if (EXISTS.matcher(r).matches() || EQUALITY.matcher(r).matches()) {
            return true;
        }
        Matcher m = SET.matcher(r);
        if (!m.matches()) {
            return false;
        }
        for (String v : m.group(m.groupCount()).split(",", -1)) {
            if (!SET_VALUE.matcher(v.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Splits on the commas between requirements, not those inside {@code in (a,b)}. */
    private static List<String> split(String selector) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        out.add(selector.substring(start));
        return out;
    }
}
