package io.tierlens.core.config;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/** Validates region names against the regions the AWS SDK knows, with a suggestion for typos. */
final class Regions {
    private static final Set<String> KNOWN =
            Region.regions().stream().map(Region::id).collect(Collectors.toUnmodifiableSet());

    private Regions() {}

    static void check(List<String> regions, String path, ConfigProblems problems) {
        for (int i = 0; i < regions.size(); i++) {
            String r = regions.get(i);
            if (!KNOWN.contains(r)) {
                String closest = KNOWN.stream()
                        // Ties broken by name: eu-west-9 is one edit from three regions, and the suggestion
                        // must not depend on the iteration order of a hash set.
                        .min(Comparator.<String>comparingInt(k -> ConfigBinder.editDistance(k, r))
                                .thenComparing(Comparator.naturalOrder()))
                        .orElse("us-east-1");
                problems.add(
                        path + "[" + i + "]",
                        "unknown AWS region \"" + r + "\"",
                        "did you mean " + closest + "? Region names look like eu-west-1");
            }
        }
    }
}
