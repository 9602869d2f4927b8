package io.tierlens.cost.model;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EC2 size names as multiples of {@code large}, the unit in which prices scale linearly within a family. */
final class InstanceSizes {
    private static final Map<String, Double> NAMED =
            Map.of("nano", 1.0 / 16, "micro", 1.0 / 8, "small", 0.25, "medium", 0.5, "large", 1.0, "xlarge", 2.0);
    private static final Pattern N_XLARGE = Pattern.compile("(\\d{1,3})xlarge");
    // c7i.metal-24xl and c7i.metal-48xl name their size; plain .metal is the largest one.
    private static final Pattern METAL = Pattern.compile("metal(?:-(\\d{1,3})xl)?");

    private InstanceSizes() {}

    static OptionalDouble inLarges(String size, int largestXlarge) {
        Double named = NAMED.get(size);
        if (named != null) {
            return OptionalDouble.of(named);
        }
        Matcher n = N_XLARGE.matcher(size);
        if (n.matches()) {
            return OptionalDouble.of(2.0 * Integer.parseInt(n.group(1)));
        }
        Matcher metal = METAL.matcher(size);
        if (metal.matches()) {
            return OptionalDouble.of(2.0 * (metal.group(1) == null ? largestXlarge : Integer.parseInt(metal.group(1))));
        }
        return OptionalDouble.empty();
    }
}
