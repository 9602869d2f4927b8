package io.tierlens.contract.promql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrafanaVariablesTest {
    @Test
    void expandsEveryVariableSyntaxToAllAndIntervalsToDurations() {
        assertThat(GrafanaVariables.expand(
                        "rate(x{a=~\"$job\", b=~\"${site}\", c=~\"${ns:regex}\", d=~\"[[old]]\"}[$__rate_interval])"
                                + " + y[$__range]"))
                .isEqualTo("rate(x{a=~\".*\", b=~\".*\", c=~\".*\", d=~\".*\"}[1m]) + y[1h]");
    }

    @Test
    void leavesLabelReplaceBackReferencesAlone() {
        assertThat(GrafanaVariables.expand("label_replace(x{a=~\"$job\"}, \"scope\", \"$1\", \"service\", \"(.+)\")"))
                .isEqualTo("label_replace(x{a=~\".*\"}, \"scope\", \"$1\", \"service\", \"(.+)\")");
    }

    @Test
    void rateMustUseRateInterval() {
        assertThat(GrafanaVariables.hasRateWithoutRateInterval("rate(x[$__rate_interval])"))
                .isFalse();
        assertThat(GrafanaVariables.hasRateWithoutRateInterval("sum(rate(x{a=\"b\"}[5m]))"))
                .isTrue();
        assertThat(GrafanaVariables.hasRateWithoutRateInterval("increase(x[$__range])"))
                .isTrue();
        assertThat(GrafanaVariables.hasRateWithoutRateInterval("rate(x[$__rate_interval]) / irate(y[1m])"))
                .isTrue();
        assertThat(GrafanaVariables.hasRateWithoutRateInterval("avg_over_time(x[1h])"))
                .isFalse();
    }
}
