package io.tierlens.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker must find real violations, or the exposition tests that rely on it could never fail. */
class TextExpositionTest {

    @Test
    void acceptsValidText() {
        String text = """
                # HELP a_total Things.
                # TYPE a_total counter
                a_total{x="1",y="q\\"uote\\\\ \\n"} 3.0
                a_total{x="2"} 1e3
                # TYPE g gauge
                g NaN
                g{s="x"} +Inf 1700000000000
                # TYPE h histogram
                h_bucket{le="1.0"} 1
                h_bucket{le="+Inf"} 2
                h_count 2
                h_sum 3.5
                """;

        assertThat(TextExposition.problems(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "# TYPE g gauge\ng{x=\"1\"} one\n",
                "# TYPE g gauge\ng{x=1} 1\n",
                "# TYPE g gauge\ng{x=\"1} 1\n",
                "# TYPE g gauge\ng{x=\"\\t\"} 1\n",
                "# TYPE g gauge\ng{__x=\"1\"} 1\n",
                "# TYPE g gauge\ng{x=\"1\",x=\"2\"} 1\n",
                "# TYPE g gauge\n1g 1\n",
                "# TYPE g gauge\ng 1\ng 2\n",
                "# TYPE g gauge\n# TYPE g gauge\ng 1\n",
                "# TYPE g gauge\ng 1\n# TYPE h gauge\nh 1\n# TYPE g gauge\n",
                "# TYPE g gauge\nother 1\n",
                "# TYPE c_total counter\nc 1\n",
                "# TYPE h histogram\nh_bucket 1\n",
                "# TYPE g gaug\ng 1\n",
                "# TYPE g gauge\ng\n",
                "# TYPE g gauge\ng 1 12.5\n"
            })
    void findsViolations(String text) {
        assertThat(TextExposition.problems(text)).isNotEmpty();
    }
}
