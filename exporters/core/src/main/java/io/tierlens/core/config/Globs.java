package io.tierlens.core.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The name filters' globs: {@code *} is any run of characters, {@code ?} one character, everything else literal.
 * A regular expression or shell brace pattern written there matches nothing and filtered every resource out with
 * no error; {@link #check} names it instead.
 */
public final class Globs {
    /** Characters that mean something in a regex or a shell pattern but are literal (and never in a name) here. */
    private static final Pattern FOREIGN_SYNTAX = Pattern.compile("[\\[\\]{}()^$\\\\|+\\s]");

    private Globs() {}

    /** Adds an error at {@code path[i]} for every glob that is empty or uses syntax globs do not have. */
    public static void check(List<String> globs, String path, ConfigProblems problems) {
        for (int i = 0; i < globs.size(); i++) {
            String g = globs.get(i);
            String at = path + "[" + i + "]";
            if (g == null || g.isEmpty()) {
                problems.add(at, "empty name pattern", "remove it, or write a pattern like web-*");
            } else if (FOREIGN_SYNTAX.matcher(g).find()) {
                problems.add(
                        at,
                        "\"" + g + "\" is not a glob: only * (any characters) and ? (one character) are special",
                        "write e.g. web-* or db-?? instead of a regular expression or {a,b}; list several patterns instead");
            }
        }
    }

    /** The glob as a regular expression matching whole names. */
    public static Pattern toPattern(String glob) {
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
