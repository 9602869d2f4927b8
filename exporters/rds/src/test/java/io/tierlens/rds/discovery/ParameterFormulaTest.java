package io.tierlens.rds.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterFormulaTest {
    private static final long MEMORY = 16_000_000_000L;

    @Test
    void aLiteralIsItsValue() {
        assertThat(ParameterFormula.isLiteral(" 1000 ")).isTrue();
        assertThat(ParameterFormula.isLiteral("{DBInstanceClassMemory/12582880}"))
                .isFalse();
        assertThat(ParameterFormula.evaluate("1000", MEMORY)).hasValue(1000);
    }

    @Test
    void theMysqlDefaultDividesTheMemoryAndTruncates() {
        assertThat(ParameterFormula.evaluate("{DBInstanceClassMemory/12582880}", MEMORY))
                .hasValue(16_000_000_000L / 12_582_880L)
                .hasValue(1271);
    }

    @Test
    void multiplicationAndDivisionRunLeftToRightOnWholeNumbers() {
        // 16e9 * 3 / 4, not 16e9 * 0 (3/4 truncated first)
        assertThat(ParameterFormula.evaluate("{DBInstanceClassMemory*3/4}", MEMORY))
                .hasValue(12_000_000_000L);
        assertThat(ParameterFormula.evaluate("{DBInstanceClassMemory/1000/3}", 10_000))
                .hasValue(3);
    }

    @Test
    void functionsNestAndTakeWhitespace() {
        assertThat(ParameterFormula.evaluate("LEAST({DBInstanceClassMemory/9531392},5000)", MEMORY))
                .hasValue(1678);
        assertThat(ParameterFormula.evaluate("LEAST({DBInstanceClassMemory/9531392}, 5000)", 100_000_000_000L))
                .hasValue(5000);
        assertThat(ParameterFormula.evaluate("GREATEST(10, SUM({DBInstanceClassMemory/1000}, 5))", 20_000))
                .hasValue(25);
    }

    @Test
    void whatItDoesNotKnowIsUnknownRatherThanWrong() {
        // Aurora MySQL's default uses log(); AllocatedStorage is another variable we do not have.
        assertThat(ParameterFormula.evaluate(
                        "GREATEST({log(DBInstanceClassMemory/805306368)*45},{log(DBInstanceClassMemory/8187281408)*1000})",
                        MEMORY))
                .isEmpty();
        assertThat(ParameterFormula.evaluate("{AllocatedStorage/1000}", MEMORY)).isEmpty();
        assertThat(ParameterFormula.evaluate("IF({TrueIfReplica}, 1, 0)", MEMORY))
                .isEmpty();
        assertThat(ParameterFormula.evaluate("{DBInstanceClassMemory/0}", MEMORY))
                .isEmpty();
        assertThat(ParameterFormula.evaluate("{DBInstanceClassMemory/12582880", MEMORY))
                .isEmpty();
        assertThat(ParameterFormula.evaluate("1000 connections", MEMORY)).isEmpty();
        assertThat(ParameterFormula.evaluate("", MEMORY)).isEmpty();
    }
}
