package io.tierlens.batch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.batch.model.GroupingKey;
import io.tierlens.batch.model.PushedGroup;
import io.tierlens.batch.testing.PushgatewayProcess;
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
    void aRefusedPushIsAnErrorWithThePushgatewaysReason() throws Exception {
        try (PushgatewayProcess pg = PushgatewayProcess.start()) {
            HttpPushgatewayApi api = new HttpPushgatewayApi(pg.url(), Duration.ofSeconds(5));

            assertThatThrownBy(() -> api.pushAdd(GroupingKey.of("x", null), "this is not the text format\n"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 400");

            api.pushAdd(GroupingKey.of("x", null), "some_gauge 1\n");
            assertThat(api.groups())
                    .anySatisfy(g ->
                            assertThat(g.labels()).isEqualTo(Map.of("job", "x")).containsEntry("job", "x"));
            assertThat(api.groups())
                    .anySatisfy(g -> assertThat(g.value("some_gauge")).contains(1.0));
        }
    }

    @Test
    void anUnreachablePushgatewayIsAnIoError() {
        HttpPushgatewayApi api = new HttpPushgatewayApi(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(2));

        assertThatThrownBy(api::groups).isInstanceOf(IOException.class);
    }
}
