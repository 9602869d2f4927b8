package io.tierlens.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A regex in {@code names} matched nothing and filtered everything out without a word (issue 12). */
class BackupNameGlobCheckTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("backup", BackupConfig.class), k -> null);

    @Test
    void aRegularExpressionWhereAGlobBelongsIsAnErrorAtItsPath() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.loadText("t.yaml", """
                regions: [eu-west-1]
                exporters:
                  backup:
                    names: ["prod-*", "^shop-.+$"]
                """));

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.path()).isEqualTo("exporters.backup.names[1]");
            assertThat(err.message()).contains("is not a glob");
        });
    }
}
