package io.tierlens.session.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.session.RedisConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisPasswordTest {

    @Test
    void readsAMountedSecretWithoutItsTrailingNewline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, "s3cret\n");
        RedisPassword p = RedisPassword.resolve(RedisConfig.defaults().withPasswordFile(file.toString()), n -> null)
                .orElseThrow();
        assertThat(p.value()).isEqualTo("s3cret");
        assertThat(p.toString()).doesNotContain("s3cret").contains("password_file");
    }

    @Test
    void readsAnEnvironmentVariable() {
        RedisPassword p = RedisPassword.resolve(
                        RedisConfig.defaults().withPasswordEnv("REDIS_PW"), Map.of("REDIS_PW", "pw-from-env")::get)
                .orElseThrow();
        assertThat(p.value()).isEqualTo("pw-from-env");
        assertThat(p.toString()).doesNotContain("pw-from-env");
    }

    @Test
    void noneConfiguredMeansNoPassword() {
        assertThat(RedisPassword.resolve(RedisConfig.defaults(), n -> "ignored"))
                .isEmpty();
    }

    @Test
    void aMissingSourceIsAClearErrorWithoutAValue(@TempDir Path dir) {
        assertThatThrownBy(() -> RedisPassword.resolve(
                        RedisConfig.defaults()
                                .withPasswordFile(dir.resolve("nope").toString()),
                        n -> null))
                .isInstanceOf(RedisAccessException.class)
                .hasMessageContaining("password_file")
                .extracting(e -> ((RedisAccessException) e).reason())
                .isEqualTo(RedisAccessException.CREDENTIALS_MISSING);
        assertThatThrownBy(() -> RedisPassword.resolve(RedisConfig.defaults().withPasswordEnv("UNSET"), n -> null))
                .hasMessageContaining("UNSET");
    }
}
