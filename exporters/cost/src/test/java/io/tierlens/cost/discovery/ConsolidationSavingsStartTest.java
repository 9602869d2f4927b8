package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The savings counter had no series until a NodePool's first consolidation (issue 12). */
class ConsolidationSavingsStartTest {
    @Test
    void everySeenNodePoolStartsAtZeroAndKeepsItsTotal() {
        ConsolidationSavings s = new ConsolidationSavings();

        s.track(List.of("web", "was"));

        assertThat(s.totals())
                .containsEntry("web", 0.0)
                .containsEntry("was", 0.0)
                .hasSize(2);
        s.track(List.of("web"));
        assertThat(s.totals()).as("a NodePool once seen keeps its series").containsKey("was");
    }
}
