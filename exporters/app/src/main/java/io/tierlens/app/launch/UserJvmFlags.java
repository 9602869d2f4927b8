package io.tierlens.app.launch;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether the user already chose the heap or the collector, on the command line or through
 * {@code JAVA_TOOL_OPTIONS} / {@code JDK_JAVA_OPTIONS}. If so, their choice stands and tierlens runs in-process.
 */
final class UserJvmFlags {
    /** -Xmx, -Xms, -Xmn, the RAM percentages and fractions, heap sizes, and any -XX:+Use...GC. */
    private static final Pattern HEAP_OR_GC = Pattern.compile("-Xm[xsn]\\d.*"
            + "|-XX:(Max|Min|Initial)RAM(Percentage|Fraction)?=.*"
            + "|-XX:(Max|Initial|Min)HeapSize=.*"
            + "|-XX:\\+Use\\w*GC");

    private UserJvmFlags() {}

    static boolean choseHeapOrGc(List<String> inputArguments, Map<String, String> env) {
        if (inputArguments.stream().anyMatch(UserJvmFlags::isHeapOrGc)) {
            return true;
        }
        for (String var : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            String value = env.get(var);
            if (value != null && List.of(value.trim().split("\\s+")).stream().anyMatch(UserJvmFlags::isHeapOrGc)) {
                return true;
            }
        }
        return false;
    }

    static boolean isHeapOrGc(String arg) {
        return HEAP_OR_GC.matcher(arg).matches();
    }
}
