package io.tierlens.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The live code path with an AWS endpoint nobody listens on: the ALB exporter degrades (up 0, the failure
 * counted as {@code unreachable}) while the process keeps serving {@code /metrics} and becomes ready.
 */
class UnreachableAwsTest {

    @Test
    void anUnreachableEndpointDegradesOnlyTheExporter() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        String yaml = """
                regions: [eu-west-1]
                server: {host: 127.0.0.1, port: 0}
                aws:
                  endpoint: http://127.0.0.1:%d
                  account_id: "111122223333"
                  max_attempts: 1
                  attempt_timeout: 2s
                  call_timeout: 5s
                """.formatted(closedPort);
        ConfigLoader loader = new ConfigLoader(Modules.configTypes(Modules.all()), name -> null);
        LoadedConfig config = loader.loadText("test.yaml", yaml);
        TierlensProcess.ConfigSource source = new TierlensProcess.ConfigSource() {
            @Override
            public LoadedConfig load() {
                return config;
            }

            @Override
            public boolean reloadable() {
                return true;
            }
        };
        try (TierlensProcess process = TierlensProcess.start(
                Modules.all(), new LiveEnvironmentFactory(Clock.systemUTC()), source, Clock.systemUTC(), 0)) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + process.port());
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(http.send(
                                            HttpRequest.newBuilder(base.resolve("/-/ready"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body())
                            .isEqualTo("Exporters are Ready.\n"));
            String metrics = http.send(
                            HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics).contains("tierlens_exporter_up{exporter=\"alb\"} 0.0");
            assertThat(metrics)
                    .contains("tierlens_target_up{exporter=\"alb\",target=\"111122223333/eu-west-1\"} 0.0")
                    .contains(
                            "tierlens_refresh_errors_total{exporter=\"alb\",reason=\"unreachable\",target=\"111122223333/eu-west-1\"}");
            assertThat(metrics).contains("outcome=\"error\"");
            assertThat(metrics).contains("tierlens_build_info{").contains("mode=\"live\"");
        }
    }
}
