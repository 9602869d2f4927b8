package io.tierlens.rds.discovery;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code names} and {@code tags} filters of {@code exporters.rds}, applied to instance and cluster
 * identifiers and tags. An empty filter keeps everything.
 */
public final class InstanceFilter {
    private final List<Pattern> names;
    private final Map<String, String> tags;

    public InstanceFilter(List<String> nameGlobs, Map<String, String> tags) {
        this.names = nameGlobs.stream().map(InstanceFilter::glob).toList();
        this.tags = Map.copyOf(tags);
    }

    public boolean matches(String identifier, Map<String, String> resourceTags) {
        if (!names.isEmpty()
                && names.stream().noneMatch(p -> p.matcher(identifier).matches())) {
            return false;
        }
        for (Map.Entry<String, String> want : tags.entrySet()) {
            String have = resourceTags.get(want.getKey());
            if (have == null || !(want.getValue().equals("*") || want.getValue().equals(have))) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return names.isEmpty() && tags.isEmpty();
    }

    /** {@code *} any run of characters, {@code ?} one character, everything else literal. */
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
