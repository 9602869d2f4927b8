package io.tierlens.app.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tierlens.app.scale.ShardAssignment;
import io.tierlens.app.wiring.LiveEnvironmentFactory;
import io.tierlens.app.wiring.Modules;
import io.tierlens.app.wiring.TierlensProcess;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.testing.AwsWireMock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A sharded process (no HA) asks AWS only about its own share of the (account, region) targets: the regions in the
 * SigV4 credential scope of every request its AWS fake receives are exactly those the hash gives its shard.
 */
class ShardedProcessTest {
    private static final List<String> REGIONS = List.of(
            "us-east-1",
            "us-west-2",
            "eu-west-1",
            "eu-central-1",
            "ap-northeast-1",
            "ap-southeast-2",
            "sa-east-1",
            "ca-central-1");
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/");

    private final ConfigLoader loader = new ConfigLoader(Modules.configTypes(Modules.all()), n -> null);

    @Test
    void eachShardCallsAwsOnlyForItsOwnTargets() throws Exception {
        for (int index = 0; index < 2; index++) {
            int shard = index;
            Set<String> expected = REGIONS.stream()
                    .filter(r -> ShardAssignment.shardOf(
                                    ShardAssignment.awsKey(AwsTarget.defaultCredentials("111122223333", r)), 2)
                            == shard)
                    .collect(Collectors.toSet());
            assertThat(expected)
                    .as("both shards get some of the 8 regions")
                    .isNotEmpty()
                    .hasSizeLessThan(8);
            try (AwsWireMock aws = new AwsWireMock(1)) {
                String yaml = """
                        regions: [%s]
                        server: {host: 127.0.0.1, port: 0}
                        sharding: {shards: 2}
                        aws: {endpoint: %s, account_id: "111122223333", max_attempts: 1, attempt_timeout: 2s}
                        exporters:
                          rds: {enabled: false}
                          backup: {enabled: false}
                          cost: {enabled: false}
                          karpenter: {enabled: false}
                          session: {enabled: false}
                        """.formatted(String.join(", ", REGIONS), aws.server.baseUrl());
                TierlensProcess.ConfigSource source = new TierlensProcess.ConfigSource() {
                    @Override
                    public LoadedConfig load() throws ConfigException {
                        return loader.loadText("shard.yaml", yaml);
                    }

                    @Override
                    public boolean reloadable() {
                        return false;
                    }
                };
                // The shard from the StatefulSet ordinal: pod tierlens-2 of shards 2 is shard 0, tierlens-3 shard 1.
                Coordination coordination =
                        new Coordination(null, () -> null, Map.of("POD_NAME", "tierlens-" + (2 + index))::get);
                try (TierlensProcess p = TierlensProcess.start(
                        Modules.all(),
                        new LiveEnvironmentFactory(Clock.systemUTC()),
                        source,
                        Clock.systemUTC(),
                        null,
                        null,
                        coordination)) {
                    Set<String> want = expected;
                    await().atMost(Duration.ofSeconds(60))
                            .untilAsserted(() -> assertThat(regionsCalled(aws)).isEqualTo(want));
                }
            }
        }
    }

    private static Set<String> regionsCalled(AwsWireMock aws) {
        return aws.requests().stream()
                .map(r -> r.getHeader("Authorization"))
                .map(SCOPE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
