package io.tierlens.demo.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.demo.fault.DemoFaults.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoFaultsTest {

    @Test
    void parsesDownAndUpLinesIgnoringCommentsAndBlankLines() {
        assertThat(DemoFaults.parse("")).isEmpty();
        assertThat(DemoFaults.parse("# nothing\n\n  aws = DOWN \nredis=down\n"))
                .containsExactlyInAnyOrder(Source.AWS, Source.REDIS);
        assertThat(DemoFaults.parse("aws=down\nredis=up\n")).containsExactly(Source.AWS);
        assertThat(DemoFaults.parse("redis=down\nredis=up")).isEmpty();
    }

    @Test
    void anyOtherLineIsAnError() {
        assertThatThrownBy(() -> DemoFaults.parse("aws=down\ns3=down"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> DemoFaults.parse("aws")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoFaults.parse("aws=off")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tellsListenersOnlyOfChanges() {
        DemoFaults faults = new DemoFaults();
        List<Boolean> redis = new ArrayList<>();
        faults.onChange(Source.REDIS, redis::add);

        faults.setDown(Set.of(Source.AWS));
        faults.setDown(Set.of(Source.AWS, Source.REDIS));
        faults.setDown(Set.of(Source.REDIS));
        faults.setDown(Set.of());

        assertThat(redis).containsExactly(true, false);
        assertThat(faults.isDown(Source.AWS)).isFalse();
    }

    @Test
    void aChangeAListenerCouldNotApplyIsTriedAgain() {
        DemoFaults faults = new DemoFaults();
        List<Boolean> applied = new ArrayList<>();
        boolean[] fail = {true};
        faults.onChange(Source.REDIS, down -> {
            if (fail[0]) {
                throw new IllegalStateException("no redis-server could be started");
            }
            applied.add(down);
        });

        assertThatThrownBy(() -> faults.setDown(Set.of(Source.REDIS))).isInstanceOf(IllegalStateException.class);
        assertThat(faults.isDown(Source.REDIS)).isFalse();
        fail[0] = false;
        faults.setDown(Set.of(Source.REDIS));

        assertThat(applied).containsExactly(true);
        assertThat(faults.down()).containsExactly(Source.REDIS);
    }
}
