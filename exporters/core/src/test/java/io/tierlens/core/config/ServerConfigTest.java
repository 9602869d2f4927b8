package io.tierlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of(), name -> null);

    @Test
    void defaultsKeepReloadOffAndBoundTheServer() throws Exception {
        ServerConfig s =
                loader.loadText("t.yaml", "regions: [eu-west-1]\n").core().server();

        assertThat(s.enableReload()).isFalse();
        assertThat(s.reloadMinInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.maxConnections()).isEqualTo(512);
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.webConfigFile()).isNull();
    }

    @Test
    void bindsTheEndpointOptions() throws Exception {
        ServerConfig s = loader.loadText("t.yaml", """
                        regions: [eu-west-1]
                        server:
                          enable_reload: true
                          reload_min_interval: 30s
                          web_config_file: /etc/tierlens/web/web-config.yml
                          max_connections: 64
                          read_timeout: 5s
                          write_timeout: 20s
                        """).core().server();

        assertThat(s.enableReload()).isTrue();
        assertThat(s.reloadMinInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.webConfigFile()).isEqualTo("/etc/tierlens/web/web-config.yml");
        assertThat(s.maxConnections()).isEqualTo(64);
    }

    @Test
    void subSecondTimeoutsAndTinyConnectionLimitsAreErrors() {
        try {
            loader.loadText("t.yaml", "regions: [eu-west-1]\nserver:\n  read_timeout: 500ms\n  max_connections: 2\n");
        } catch (ConfigException e) {
            assertThat(e.lines())
                    .anySatisfy(l -> assertThat(l).startsWith("t.yaml: server.read_timeout: must be at least 1s"))
                    .anySatisfy(l -> assertThat(l).startsWith("t.yaml: server.max_connections: must be between"));
            return;
        }
        throw new AssertionError("expected errors");
    }
}
