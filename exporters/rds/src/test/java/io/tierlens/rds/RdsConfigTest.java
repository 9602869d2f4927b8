package io.tierlens.rds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tierlens.core.config.ConfigBinder;
import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsConfigTest {

    private static RdsConfig bind(String yaml, ConfigProblems problems) throws Exception {
        JsonNode node = new YAMLMapper().readTree(yaml);
        return new ConfigBinder(problems).bind(node, RdsConfig.class, "exporters.rds");
    }

    @Test
    void anEmptySectionGivesTheDocumentedDefaults() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        RdsConfig c = bind("{}", problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(c.enabled()).isTrue();
        assertThat(c.refresh()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.maxStaleness()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.discoveryInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.tags()).isEmpty();
        assertThat(c.names()).isEmpty();
        assertThat(c.maxConnections()).isEmpty();
        assertThat(c).isEqualTo(RdsConfig.defaults());
    }

    @Test
    void everyKeyBinds() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        RdsConfig c = bind("""
                refresh: 2m
                max_staleness: 15m
                discovery_interval: 10m
                tags: {app: shop}
                names: ["shop-*"]
                max_connections: {legacy-db: 3000}
                """, problems);

        assertThat(problems.errors()).isEmpty();
        assertThat(c.refresh()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.tags()).isEqualTo(Map.of("app", "shop"));
        assertThat(c.names()).isEqualTo(List.of("shop-*"));
        assertThat(c.maxConnections()).isEqualTo(Map.of("legacy-db", 3000L));
    }

    @Test
    void semanticMistakesNameTheirPath() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        bind("""
                refresh: 10m
                max_staleness: 5m
                discovery_interval: 1m
                max_connections: {legacy-db: 0}
                """, problems);

        assertThat(problems.errors())
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder(
                        "exporters.rds.max_staleness",
                        "exporters.rds.discovery_interval",
                        "exporters.rds.max_connections.legacy-db");
    }
}
