package io.tierlens.rds.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Evaluates an RDS DB parameter value: a whole number, a formula in braces such as
 * {@code {DBInstanceClassMemory/12582880}} ({@code *} and {@code /} on whole numbers, left to right, fractions
 * truncated, as RDS does), or the functions {@code GREATEST}, {@code LEAST} and {@code SUM} over those. Anything
 * else (other variables, {@code log}, {@code IF}) is "unknown": the exporter then reports no value rather than a
 * wrong one.
 */
public final class ParameterFormula {
    private final String text;
    private final long dbInstanceClassMemory;
    private int pos;

    private ParameterFormula(String text, long dbInstanceClassMemory) {
        this.text = text;
        this.dbInstanceClassMemory = dbInstanceClassMemory;
    }

    /** Whether {@code value} is a plain whole number (no formula). */
    public static boolean isLiteral(String value) {
        return value.strip().matches("\\d+");
    }

    /**
     * The value of {@code expression} with {@code DBInstanceClassMemory} = {@code dbInstanceClassMemory}, or empty
     * when the expression uses something this evaluator does not know.
     */
    public static OptionalLong evaluate(String expression, long dbInstanceClassMemory) {
        ParameterFormula f = new ParameterFormula(expression.replaceAll("\\s+", ""), dbInstanceClassMemory);
        try {
            long v = f.expression();
            return f.pos == f.text.length() ? OptionalLong.of(v) : OptionalLong.empty();
        } catch (Unsupported e) {
            return OptionalLong.empty();
        }
    }

    private long expression() throws Unsupported {
        if (peek() == '{') {
            pos++;
            long v = term();
            expect('}');
            return v;
        }
        if (Character.isDigit(peek())) {
            return number();
        }
        String name = word().toUpperCase(Locale.ROOT);
        expect('(');
        List<Long> args = new ArrayList<>();
        args.add(expression());
        while (peek() == ',') {
            pos++;
            args.add(expression());
        }
        expect(')');
        return switch (name) {
            case "GREATEST" -> args.stream().mapToLong(Long::longValue).max().orElseThrow();
            case "LEAST" -> args.stream().mapToLong(Long::longValue).min().orElseThrow();
            case "SUM" -> args.stream().mapToLong(Long::longValue).sum();
            default -> throw new Unsupported();
        };
    }

    /** Inside braces: factors joined by * and /, evaluated left to right with integer division. */
    private long term() throws Unsupported {
        long v = factor();
        while (peek() == '*' || peek() == '/') {
            char op = text.charAt(pos++);
            long rhs = factor();
            if (op == '*') {
                v = Math.multiplyExact(v, rhs);
            } else {
                if (rhs == 0) {
                    throw new Unsupported();
                }
                v = v / rhs;
            }
        }
        return v;
    }

    private long factor() throws Unsupported {
        if (Character.isDigit(peek())) {
            return number();
        }
        String name = word();
        if (name.equals("DBInstanceClassMemory")) {
            return dbInstanceClassMemory;
        }
        throw new Unsupported();
    }

    private long number() throws Unsupported {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new Unsupported();
        }
    }

    private String word() throws Unsupported {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new Unsupported();
        }
        return text.substring(start, pos);
    }

    private void expect(char c) throws Unsupported {
        if (peek() != c) {
            throw new Unsupported();
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    /** The expression uses something outside the supported subset. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }
}
