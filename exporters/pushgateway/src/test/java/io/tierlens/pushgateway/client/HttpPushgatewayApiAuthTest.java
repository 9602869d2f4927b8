package io.tierlens.pushgateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.pushgateway.model.GroupingKey;
import io.tierlens.pushgateway.testing.PushgatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A real Pushgateway behind its own basic auth: pushes and reads carry the credentials, and only then pass. */
class HttpPushgatewayApiAuthTest {
    private static final String PASSWORD = "pa ss:w@rd";

    @Test
    void credentialsGoInTheAuthorizationHeaderForPushAndRead() throws Exception {
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        try (PushgatewayProcess pg = PushgatewayProcess.startWithBasicAuth("pusher", PASSWORD, hash)) {
            MetricSnapshots one = MetricSnapshots.of(GaugeSnapshot.builder()
                    .name("authed_gauge")
                    .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                            .value(1)
                            .build())
                    .build());
            HttpPushgatewayApi anonymous = new HttpPushgatewayApi(pg.url(), Duration.ofSeconds(5));
            assertThatThrownBy(() -> anonymous.pushAdd(GroupingKey.of("authed", null), one))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("401");
            assertThatThrownBy(anonymous::groups).hasMessageContaining("HTTP 401");

            HttpPushgatewayApi explicit = new HttpPushgatewayApi(
                    pg.url(), Duration.ofSeconds(5), Optional.of(new BasicAuth("pusher", PASSWORD)));
            explicit.pushAdd(GroupingKey.of("authed", null), one);
            URI inUrl = URI.create("http://pusher:pa%20ss%3Aw%40rd@" + pg.url().getRawAuthority());
            HttpPushgatewayApi fromUrl = new HttpPushgatewayApi(inUrl, Duration.ofSeconds(5));

            assertThat(fromUrl.base()).isEqualTo(pg.url());
            assertThat(fromUrl.groups())
                    .anySatisfy(g -> assertThat(g.value("authed_gauge")).contains(1.0));
        }
    }
}
