package io.tierlens.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.app.wiring.Modules;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.testing.TestEnvironment;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkScopeTest {
    private final ConfigLoader loader = new ConfigLoader(Modules.configTypes(Modules.all()), n -> null);

    private LoadedConfig config() throws Exception {
        return loader.loadText("t.yaml", """
                regions: [eu-west-1]
                sharding: {shards: 4}
                exporters:
                  session: {redis: {address: "redis.internal:6379"}}
                """);
    }

    @Test
    void clusterWideExportersRunOnShardZeroOnly() throws Exception {
        LoadedConfig c = config();
        for (String name : List.of("karpenter", "cost", "batch", "dr")) {
            List<Integer> owners = IntStream.range(0, 4)
                    .filter(i -> new WorkScope(4, i).runs(name, c.exporters().get(name)))
                    .boxed()
                    .toList();
            assertThat(owners).as(name).containsExactly(0);
        }
    }

    @Test
    void theRedisRunsOnTheShardItsAddressHashesToAndNowhereElse() throws Exception {
        LoadedConfig c = config();
        int owner = ShardAssignment.shardOf("redis:redis.internal:6379", 4);
        List<Integer> owners = IntStream.range(0, 4)
                .filter(i -> new WorkScope(4, i).runs("session", c.exporters().get("session")))
                .boxed()
                .toList();
        assertThat(owners).containsExactly(owner);
    }

    @Test
    void awsExportersRunEverywhereEachWithItsShareOfTargets() throws Exception {
        LoadedConfig c = config();
        List<AwsTarget> fleet = ShardAssignmentTest.fleet();
        int total = 0;
        for (int i = 0; i < 4; i++) {
            WorkScope scope = new WorkScope(4, i);
            assertThat(scope.runs("alb", c.exporters().get("alb"))).isTrue();
            List<AwsTarget> share = scope.targetsOf(fleet);
            assertThat(share)
                    .allSatisfy(t -> assertThat(ShardAssignment.shardOf(ShardAssignment.awsKey(t), 4))
                            .isEqualTo(scope.index()));
            total += share.size();
        }
        assertThat(total).isEqualTo(fleet.size());
    }

    @Test
    void aShardsShareOfTargetsPublishesToTheInventoryBoardCostReads() throws Exception {
        LoadedConfig c = config();
        ExporterEnvironment full = new TestEnvironment().environment(ShardAssignmentTest.fleet());
        ExporterEnvironment alb =
                new WorkScope(4, 0).environmentFor("alb", c.exporters().get("alb"), full);
        assertThat(alb.targets()).hasSizeLessThan(full.targets().size());
        assertThat(alb.inventory()).isSameAs(full.inventory());
    }
}
