package io.tierlens.core.discovery;

import io.tierlens.core.config.Globs;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code names} and {@code tags} filters of the exporters that discover AWS resources (ALB, RDS, backup).
 * A resource passes when its name matches at least one glob (if globs are given) and it has every configured
 * tag, where a value of {@code "*"} means "the tag is present with any value". An empty filter keeps everything.
 */
public final class NameTagFilter {
    /** A tag filter value that accepts any value of a present tag. */
    public static final String ANY_VALUE = "*";

    private final List<String> nameGlobs;
    private final List<Pattern> names;
    private final Map<String, String> tags;

    public NameTagFilter(List<String> nameGlobs, Map<String, String> tags) {
        this.nameGlobs = List.copyOf(nameGlobs);
        this.names = nameGlobs.stream().map(Globs::toPattern).toList();
        this.tags = Map.copyOf(tags);
    }

    public boolean matches(String name, Map<String, String> resourceTags) {
        if (!names.isEmpty() && names.stream().noneMatch(p -> p.matcher(name).matches())) {
            return false;
        }
        for (Map.Entry<String, String> want : tags.entrySet()) {
            String have = resourceTags.get(want.getKey());
            if (have == null
                    || !(ANY_VALUE.equals(want.getValue()) || want.getValue().equals(have))) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return names.isEmpty() && tags.isEmpty();
    }

    /** The filter as the user wrote it, for a "matched nothing" warning. */
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
}
