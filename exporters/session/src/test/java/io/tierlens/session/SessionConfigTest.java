package io.tierlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tierlens.core.config.ConfigBinder;
import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionConfigTest {

    private static SessionConfig bind(String yaml, ConfigProblems problems) throws Exception {
        return new ConfigBinder(problems)
                .bind(new ObjectMapper(new YAMLFactory()).readTree(yaml), SessionConfig.class, "exporters.session");
    }

    @Test
    void anEmptySectionGivesSensibleDefaults() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        SessionConfig c = bind("{}", problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(c.refresh()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.scan().interval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.namespaces()).containsExactly("spring:session");
        assertThat(c.layout()).isEqualTo(SessionConfig.LayoutSetting.AUTO);
        assertThat(c.sampleSize()).isEqualTo(1000);
        assertThat(c.scan().count()).isEqualTo(200);
        assertThat(c.redis().address()).isEqualTo("localhost:6379");
    }

    @Test
    void bindsAFullSection() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        SessionConfig c = bind("""
                refresh: 20s
                namespaces: [spring:session, shop:session]
                layout: indexed_sorted_set
                sample_size: 200
                redis:
                  address: sessions.abc.cache.amazonaws.com:6380
                  mode: cluster
                  tls: true
                  username: tierlens
                  password_env: REDIS_PASSWORD
                  read_from: replica
                  command_timeout: 500ms
                scan:
                  count: 1000
                  pause: 5ms
                  time_budget: 10s
                """, problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(c.namespaces()).containsExactly("spring:session", "shop:session");
        assertThat(c.redis().mode()).isEqualTo(RedisConfig.Mode.CLUSTER);
        assertThat(c.redis().tls()).isTrue();
        assertThat(c.redis().readFrom()).isEqualTo(RedisConfig.ReadFrom.REPLICA);
        assertThat(c.redis().commandTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.scan().pause()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void namesEveryMistakeWithItsPath() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        bind("""
                namespaces: ["spring:session:", spring:session, spring:session]
                sample_size: -1
                redis:
                  password_file: /etc/redis/pw
                  password_env: REDIS_PASSWORD
                  read_from: replica
                scan:
                  count: 5000
                  time_budget: 40s
                """, problems);
        List<String> paths = problems.errors().stream().map(ConfigError::path).toList();
        assertThat(paths)
                .contains(
                        "exporters.session.namespaces[0]",
                        "exporters.session.namespaces[2]",
                        "exporters.session.sample_size",
                        "exporters.session.redis.password_file",
                        "exporters.session.redis.replica_address",
                        "exporters.session.scan.count",
                        "exporters.session.scan.time_budget");
    }

    @Test
    void neverEchoesAPasswordSetting() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        bind("redis:\n  password_file: [not, a, string]\n", problems);
        assertThat(problems.errors()).isNotEmpty();
        assertThat(problems.errors().toString()).doesNotContain("not, a");
    }
}
