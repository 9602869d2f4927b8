package io.tierlens.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.config.ShardingConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardIndexTest {
    private static ShardIndex.Result resolve(int shards, Integer index, Integer flag, Map<String, String> env) {
        return ShardIndex.resolve(new ShardingConfig(shards, index), flag, env::get);
    }

    @Test
    void theStatefulSetOrdinalModuloShardsGivesEachShardAnHaPair() {
        // shards × 2 replicas: pods 1 and 5 of an 8-pod StatefulSet of 4 shards share shard 1
        assertThat(resolve(4, null, null, Map.of("POD_NAME", "tierlens-1")).index())
                .contains(1);
        assertThat(resolve(4, null, null, Map.of("POD_NAME", "tierlens-5")).index())
                .contains(1);
        assertThat(resolve(4, null, null, Map.of("HOSTNAME", "my-release-tierlens-7"))
                        .index())
                .contains(3);
    }

    @Test
    void theFlagBeatsTheConfigWhichBeatsTheOrdinal() {
        Map<String, String> env = Map.of("POD_NAME", "tierlens-3");
        assertThat(resolve(4, 2, 1, env).index()).contains(1);
        assertThat(resolve(4, 2, null, env).index()).contains(2);
        assertThat(resolve(4, null, null, env).index()).contains(3);
    }

    @Test
    void oneShardNeedsNoOrdinal() {
        assertThat(resolve(1, null, null, Map.of()).index()).contains(0);
    }

    @Test
    void aShardedProcessWithoutOrdinalOrIndexIsAConfigErrorThatSaysWhatToDo() {
        ShardIndex.Result r = resolve(4, null, null, Map.of("POD_NAME", "tierlens-7f9c4d-xk2p"));
        assertThat(r.index()).isEmpty();
        assertThat(r.error().orElseThrow().fix()).contains("--shard-index");
    }

    @Test
    void anOutOfRangeFlagIsRefused() {
        assertThat(resolve(4, null, 4, Map.of()).error().orElseThrow().path()).isEqualTo("--shard-index");
        assertThat(resolve(4, null, -1, Map.of()).error()).isPresent();
    }
}
