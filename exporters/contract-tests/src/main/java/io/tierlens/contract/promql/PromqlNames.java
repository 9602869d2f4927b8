package io.tierlens.contract.promql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The metric names a PromQL expression reads. A small lexer, not a parser: it skips strings, label matchers,
 * durations, grouping label lists and function names, and reports every other identifier. promtool checks that
 * the expression parses; this only has to find the names.
 */
public final class PromqlNames {
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan",
            "atan2");
    private static final Set<String> LABEL_LIST_KEYWORDS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> AGGREGATIONS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "group",
            "stddev",
            "stdvar",
            "count",
            "count_values",
            "bottomk",
            "topk",
            "quantile");

    private PromqlNames() {}

    public static Set<String> metricNames(String expr) {
        List<Token> tokens = Lexer.tokens(expr);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.PUNCT && t.text().equals("{")) {
                i = skipTo(tokens, i, "}");
                continue;
            }
            if (t.kind() == Token.Kind.PUNCT && t.text().equals("[")) {
                // ranges and subquery resolutions: [5m], [$__rate_interval], [30m:1m]
                i = skipTo(tokens, i, "]");
                continue;
            }
            if (t.kind() != Token.Kind.IDENT) {
                continue;
            }
            String lower = t.text().toLowerCase(Locale.ROOT);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean callOrList = next != null
                    && next.kind() == Token.Kind.PUNCT
                    && next.text().equals("(");
            if (LABEL_LIST_KEYWORDS.contains(lower)) {
                if (callOrList) {
                    i = skipTo(tokens, i + 1, ")");
                }
                continue;
            }
            if (KEYWORDS.contains(lower) || callOrList) {
                continue;
            }
            if (AGGREGATIONS.contains(lower)
                    && next != null
                    && next.kind() == Token.Kind.IDENT
                    && LABEL_LIST_KEYWORDS.contains(next.text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            names.add(t.text());
        }
        return names;
    }

    private static int skipTo(List<Token> tokens, int from, String closing) {
        for (int j = from + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.kind() == Token.Kind.PUNCT && t.text().equals(closing)) {
                return j;
            }
        }
        return tokens.size();
    }

    record Token(Kind kind, String text) {
        enum Kind {
            IDENT,
            NUMBER,
            STRING,
            PUNCT
        }
    }

    /** Splits PromQL into identifiers, numbers/durations, strings and single punctuation characters. */
    static final class Lexer {
        private Lexer() {}

        static List<Token> tokens(String s) {
            List<Token> out = new java.util.ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"' || c == '\'' || c == '`') {
                    int end = endOfString(s, i, c);
                    out.add(new Token(Token.Kind.STRING, s.substring(i, end)));
                    i = end;
                } else if (c == '$') {
                    // a Grafana variable ($job, ${job}, ${job:regex}) is never a metric name
                    int end = i + 1;
                    if (end < s.length() && s.charAt(end) == '{') {
                        int close = s.indexOf('}', end);
                        end = close < 0 ? s.length() : close + 1;
                    } else {
                        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                            end++;
                        }
                    }
                    out.add(new Token(Token.Kind.STRING, s.substring(i, end)));
                    i = end;
                } else if (c == '#') {
                    int end = s.indexOf('\n', i);
                    i = end < 0 ? s.length() : end;
                } else if (Character.isDigit(c)
                        || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                    int end = i;
                    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                        end++;
                    }
                    out.add(new Token(Token.Kind.NUMBER, s.substring(i, end)));
                    i = end;
                } else if (Character.isLetter(c) || c == '_' || c == ':') {
                    int end = i;
                    while (end < s.length()
                            && (Character.isLetterOrDigit(s.charAt(end))
                                    || s.charAt(end) == '_'
                                    || s.charAt(end) == ':')) {
                        end++;
                    }
                    out.add(new Token(Token.Kind.IDENT, s.substring(i, end)));
                    i = end;
                } else {
                    out.add(new Token(Token.Kind.PUNCT, String.valueOf(c)));
                    i++;
                }
            }
            return out;
        }

        private static int endOfString(String s, int start, char quote) {
            int i = start + 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && quote != '`') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return s.length();
        }
    }
}
