package io.tierlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tierlens.core.config.ConfigBinder;
import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.session.client.RedisNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis settings that passed check-config and failed at run time (issue 12). */
class RedisConfigFieldDefectsTest {
    @TempDir
    Path dir;

    private static List<ConfigError> errors(String redisYaml) throws Exception {
        ConfigProblems problems = new ConfigProblems();
        new ConfigBinder(problems)
                .bind(
                        new ObjectMapper(new YAMLFactory()).readTree("redis:\n" + redisYaml.indent(2)),
                        SessionConfig.class,
                        "exporters.session");
        return problems.errors();
    }

    private static RedisConfig bind(String redisYaml) throws Exception {
        ConfigProblems problems = new ConfigProblems();
        SessionConfig c = new ConfigBinder(problems)
                .bind(
                        new ObjectMapper(new YAMLFactory()).readTree("redis:\n" + redisYaml.indent(2)),
                        SessionConfig.class,
                        "exporters.session");
        assertThat(problems.errors()).isEmpty();
        return c.redis();
    }

    @Test
    void aMissingPasswordFileIsAnErrorAtCheckConfig() throws Exception {
        assertThat(errors("password_file: " + dir.resolve("absent")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("exporters.session.redis.password_file");
                    assertThat(e.message()).contains("does not exist");
                });
    }

    @Test
    void aReadablePasswordFileIsAccepted() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "s3cret\n");
        assertThat(bind("password_file: " + pw).passwordFileValue()).contains(pw.toString());
    }

    @Test
    void redisUrisAreAcceptedAndRedissMeansTls() throws Exception {
        RedisConfig plain = bind("address: redis://sessions.abc.cache.amazonaws.com:6380");
        assertThat(plain.tls()).isFalse();
        assertThat(RedisNode.parse(plain.address())).isEqualTo(new RedisNode("sessions.abc.cache.amazonaws.com", 6380));

        RedisConfig tls = bind("address: rediss://sessions.abc.cache.amazonaws.com:6379");
        assertThat(tls.tls()).isTrue();
        assertThat(RedisNode.parse(tls.address())).isEqualTo(new RedisNode("sessions.abc.cache.amazonaws.com", 6379));

        assertThat(RedisNode.parse(bind("address: redis://[::1]:7000/0").address()))
                .isEqualTo(new RedisNode("::1", 7000));
        assertThat(RedisNode.parse(bind("address: rediss://redis.local").address()))
                .isEqualTo(new RedisNode("redis.local", 6379));
    }

    @Test
    void credentialsInTheUriAreRefusedWithoutBeingEchoed() throws Exception {
        assertThat(errors("address: rediss://app:hunter2@sessions.example:6379"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("exporters.session.redis.address");
                    assertThat(e.fix()).contains("password_file");
                    assertThat(e.toString()).doesNotContain("hunter2").doesNotContain("app:");
                });
    }

    @Test
    void anUnknownSchemeIsAnError() throws Exception {
        assertThat(errors("address: http://sessions.example:6379"))
                .singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("exporters.session.redis.address"));
    }
}
