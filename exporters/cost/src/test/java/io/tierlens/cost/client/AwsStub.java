package io.tierlens.cost.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.config.AwsConfig;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Duration;

/** Real SDK clients against a WireMock stub: the protocol (query XML, JSON 1.1) is what is under test. */
final class AwsStub {
    private AwsStub() {}

    static AwsClientFactory factory(WireMockServer stub, PrometheusRegistry registry) {
        // static test credentials for the default chain; nothing leaves this machine
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        return new AwsClientFactory(
                new AwsConfig(
                        "http://localhost:" + stub.port(),
                        "123456789012",
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(10),
                        1,
                        null,
                        null,
                        null),
                new SelfMetrics(registry));
    }
}
