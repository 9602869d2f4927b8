package io.tierlens.batch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupingKeyTest {

    @Test
    void plainNamesArePlainPathSegments() {
        assertThat(GroupingKey.of("db-backup", "db-backup").path()).isEqualTo("/job/db-backup/instance/db-backup");
        assertThat(GroupingKey.of("db-backup", null).path()).isEqualTo("/job/db-backup");
        assertThat(GroupingKey.of("db-backup", "  ").instance()).isEmpty();
    }

    @Test
    void otherNamesUseTheBase64Form() {
        // "a/b" in URL-safe base64 is "YS9i"
        assertThat(GroupingKey.of("a/b", null).path()).isEqualTo("/job@base64/YS9i");
        assertThat(new GroupingKey("x", Optional.of("c d")).path()).isEqualTo("/job/x/instance@base64/YyBk");
    }

    @Test
    void anEmptyJobIsRefused() {
        assertThatThrownBy(() -> GroupingKey.of(" ", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job name is empty");
    }
}
