package io.tierlens.alb.discovery;

import io.tierlens.alb.model.LoadBalancer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code tags} and {@code names} filters of the ALB config. A load balancer passes when it has every
 * configured tag (value {@code "*"} = the tag is present with any value) and, if name globs are given, its name
 * matches at least one of them.
 */
public final class LoadBalancerFilter {
    /** A tag filter value that accepts any value of a present tag. */
    public static final String ANY_VALUE = "*";

    private final Map<String, String> tags;
    private final List<String> nameGlobs;
    private final List<Pattern> names;

    public LoadBalancerFilter(Map<String, String> tags, List<String> nameGlobs) {
        this.tags = Map.copyOf(tags);
        this.nameGlobs = List.copyOf(nameGlobs);
        this.names = nameGlobs.stream().map(LoadBalancerFilter::glob).toList();
    }

    public boolean isEmpty() {
        return tags.isEmpty() && names.isEmpty();
    }

    public boolean matches(LoadBalancer lb) {
        for (Map.Entry<String, String> want : tags.entrySet()) {
            String have = lb.tags().get(want.getKey());
            if (have == null
                    || !(ANY_VALUE.equals(want.getValue()) || want.getValue().equals(have))) {
                return false;
            }
        }
        return names.isEmpty()
                || names.stream().anyMatch(p -> p.matcher(lb.name()).matches());
    }

    /** The filter as the user wrote it, for the "matched nothing" warning. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!tags.isEmpty()) {
            sb.append("tags=").append(new TreeMap<>(tags));
        }
        if (!nameGlobs.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : " ").append("names=").append(nameGlobs);
        }
        return sb.toString();
    }

    /** {@code *} is any run of characters, {@code ?} one character; everything else is literal. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString());
    }
}
