package io.tierlens.pushgateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.pushgateway.model.GroupingKey;
import io.tierlens.pushgateway.model.PushedGroup;
import io.tierlens.pushgateway.testing.PushgatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpPushgatewayApiTest {

    @Test
    void parsesTheApiResponseKeepingOnlyTheGroupsOwnSamples() throws Exception {
        String body = """
                {"status":"success","data":[{"labels":{"instance":"nightly","job":"backup"},
                 "last_push_successful":true,
                 "push_time_seconds":{"time_stamp":"2026-11-22T00:08:04Z","type":"GAUGE","help":"h",
                   "metrics":[{"labels":{"instance":"nightly","job":"backup"},"value":"1.7953060847785714e+09"}]},
                 "tierlens_job_last_exit_code":{"type":"UNTYPED",
                   "metrics":[{"labels":{"instance":"nightly","job":"backup"},"value":"3"}]},
                 "bytes_copied":{"type":"GAUGE","metrics":[
                   {"labels":{"instance":"nightly","job":"backup","table":"orders"},"value":"10"}]}}]}
                """;

        List<PushedGroup> groups = HttpPushgatewayApi.parseGroups(body);

        assertThat(groups).hasSize(1);
        PushedGroup g = groups.get(0);
        assertThat(g.job()).isEqualTo("backup");
        assertThat(g.instance()).contains("nightly");
        assertThat(g.values())
                .containsEntry("tierlens_job_last_exit_code", 3.0)
                .containsEntry("push_time_seconds", 1.7953060847785714e9)
                .doesNotContainKey("bytes_copied");
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> HttpPushgatewayApi.parseGroups("{\"status\":\"error\"}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected /api/v1/metrics response");
        assertThatThrownBy(() -> HttpPushgatewayApi.parseGroups("<html>")).isInstanceOf(IOException.class);
    }

    @Test
    void pushesWithAddSemanticsAndReadsTheGroupBack() throws Exception {
        try (PushgatewayProcess pg = PushgatewayProcess.start()) {
            HttpPushgatewayApi api = new HttpPushgatewayApi(pg.url(), Duration.ofSeconds(5));

            api.pushAdd(GroupingKey.of("x", null), gauges("first_gauge", 1, "second_gauge", 2));
            api.pushAdd(GroupingKey.of("x", null), gauges("second_gauge", 3));

            PushedGroup g = api.groups().stream()
                    .filter(p -> p.labels().equals(Map.of("job", "x")))
                    .findFirst()
                    .orElseThrow();
            // POST, not PUT: the gauge the second push did not mention is still there
            assertThat(g.value("first_gauge")).contains(1.0);
            assertThat(g.value("second_gauge")).contains(3.0);
        }
    }

    @Test
    void groupingValuesThatAreNotPlainPathSegmentsArriveIntact() throws Exception {
        try (PushgatewayProcess pg = PushgatewayProcess.start()) {
            HttpPushgatewayApi api = new HttpPushgatewayApi(pg.url(), Duration.ofSeconds(5));

            api.pushAdd(GroupingKey.of("nightly/db dump", "cron job"), gauges("g", 1));
            api.pushAdd(GroupingKey.of("c++ build", "a+b"), gauges("g", 2));

            assertThat(api.groups())
                    .anySatisfy(p -> assertThat(p.labels())
                            .containsEntry("job", "nightly/db dump")
                            .containsEntry("instance", "cron job"))
                    .anySatisfy(p -> assertThat(p.labels())
                            .containsEntry("job", "c++ build")
                            .containsEntry("instance", "a+b"));
        }
    }

    @Test
    void aPathPrefixInTheUrlIsKeptForPushAndRead() throws Exception {
        try (PushgatewayProcess pg = PushgatewayProcess.start("/pushgateway")) {
            HttpPushgatewayApi api = new HttpPushgatewayApi(URI.create(pg.url() + "/"), Duration.ofSeconds(5));

            api.pushAdd(GroupingKey.of("behind-ingress", null), gauges("g", 7));

            assertThat(api.groups()).anySatisfy(p -> {
                assertThat(p.job()).isEqualTo("behind-ingress");
                assertThat(p.value("g")).contains(7.0);
            });
        }
    }

    @Test
    void aRefusedPushIsAnErrorWithTheStatusCode() throws Exception {
        try (PushgatewayProcess pg = PushgatewayProcess.start()) {
            // a path the Pushgateway does not serve: it answers 404, and the error says so
            HttpPushgatewayApi api =
                    new HttpPushgatewayApi(URI.create(pg.url() + "/no-such-prefix"), Duration.ofSeconds(5));

            assertThatThrownBy(() -> api.pushAdd(GroupingKey.of("x", null), gauges("g", 1)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("404");
        }
    }

    @Test
    void anUnreachablePushgatewayFailsThePushToo() {
        HttpPushgatewayApi api = new HttpPushgatewayApi(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(2));

        assertThatThrownBy(() -> api.pushAdd(GroupingKey.of("x", null), gauges("g", 1)))
                .isInstanceOf(IOException.class);
    }

    private static MetricSnapshots gauges(Object... nameValue) {
        MetricSnapshots.Builder b = MetricSnapshots.builder();
        for (int i = 0; i < nameValue.length; i += 2) {
            b.metricSnapshot(GaugeSnapshot.builder()
                    .name((String) nameValue[i])
                    .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                            .value(((Number) nameValue[i + 1]).doubleValue())
                            .build())
                    .build());
        }
        return b.build();
    }

    @Test
    void anUnreachablePushgatewayIsAnIoError() {
        HttpPushgatewayApi api = new HttpPushgatewayApi(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(2));

        assertThatThrownBy(api::groups).isInstanceOf(IOException.class);
    }
}
