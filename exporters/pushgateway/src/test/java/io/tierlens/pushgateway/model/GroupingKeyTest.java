package io.tierlens.pushgateway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupingKeyTest {

    @Test
    void aBlankInstanceIsNoInstance() {
        assertThat(GroupingKey.of("db-backup", "  ").instance()).isEmpty();
        assertThat(GroupingKey.of("db-backup", null).instance()).isEmpty();
        assertThat(new GroupingKey("x", Optional.of("c d")).instance()).contains("c d");
        assertThat(GroupingKey.of("db-backup", "cron")).hasToString("job=db-backup instance=cron");
    }

    @Test
    void anEmptyJobIsRefused() {
        assertThatThrownBy(() -> GroupingKey.of(" ", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job name is empty");
    }
}
