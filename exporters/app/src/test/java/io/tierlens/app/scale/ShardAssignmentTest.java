package io.tierlens.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.aws.AwsTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShardAssignmentTest {
    /** 30 accounts × 10 regions: the fleet of docs/scaling.md. */
    static List<AwsTarget> fleet() {
        List<String> regions = List.of(
                "us-east-1",
                "us-east-2",
                "us-west-2",
                "eu-west-1",
                "eu-west-2",
                "eu-central-1",
                "ap-northeast-1",
                "ap-southeast-1",
                "ap-southeast-2",
                "sa-east-1");
        List<AwsTarget> out = new ArrayList<>();
        for (int a = 0; a < 30; a++) {
            String account = String.format("%012d", 100_000_000_000L + a * 7919L);
            for (String r : regions) {
                out.add(AwsTarget.defaultCredentials(account, r));
            }
        }
        return out;
    }

    @Test
    void everyTargetIsWatchedByExactlyOneShardForOneToSixteenShards() {
        List<AwsTarget> fleet = fleet();
        for (int n = 1; n <= 16; n++) {
            List<AwsTarget> union = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                union.addAll(new WorkScope(n, i).targetsOf(fleet));
            }
            assertThat(union).as("%d shards", n).containsExactlyInAnyOrderElementsOf(fleet);
        }
    }

    @Test
    void shardsAreBalanced() {
        List<AwsTarget> fleet = fleet();
        for (int shards = 2; shards <= 16; shards++) {
            int n = shards;
            Map<Integer, Long> sizes = fleet.stream()
                    .collect(Collectors.groupingBy(
                            t -> ShardAssignment.shardOf(ShardAssignment.awsKey(t), n), Collectors.counting()));
            double mean = fleet.size() / (double) n;
            // a fair hash puts Binomial(300, 1/n) targets on each shard; 4σ is far outside chance, while a hash that
            // clusters (String.hashCode on these keys, or a modulo of a short hash) leaves shards empty or double
            double sigma = Math.sqrt(fleet.size() * (1.0 / n) * (1 - 1.0 / n));
            assertThat(sizes).as("%d shards", n).hasSize(n);
            assertThat(sizes.values())
                    .as("%d shards: %s", n, sizes)
                    .allSatisfy(c -> assertThat((double) c).isBetween(mean - 4 * sigma, mean + 4 * sigma));
        }
    }

    @Test
    void addingAShardMovesOnlyTargetsToTheNewShardAndAtMostAboutOneNth() {
        List<AwsTarget> fleet = fleet();
        for (int n = 1; n < 16; n++) {
            int moved = 0;
            for (AwsTarget t : fleet) {
                int before = ShardAssignment.shardOf(ShardAssignment.awsKey(t), n);
                int after = ShardAssignment.shardOf(ShardAssignment.awsKey(t), n + 1);
                if (before != after) {
                    assertThat(after).as("a moved target goes to the new shard").isEqualTo(n);
                    moved++;
                }
            }
            double expected = fleet.size() / (double) (n + 1);
            // the expectation is 1/(N+1) of the keys; 3σ of slack for 300 keys
            double sigma = Math.sqrt(fleet.size() * (1.0 / (n + 1)) * (1 - 1.0 / (n + 1)));
            assertThat((double) moved).as("%d -> %d shards", n, n + 1).isLessThanOrEqualTo(expected + 3 * sigma);
        }
    }

    @Test
    void theAssignmentIsFixedBySpecificationNotByTheJvm() {
        // Computed outside Java (Python's hashlib.sha256 and the paper's loop in 64-bit arithmetic): SHA-256 and
        // the jump function are specified, so these never change between JVMs or releases. A change here would
        // re-shuffle every deployed fleet; it must be deliberate and documented.
        assertThat(ShardAssignment.hash64("aws:123456789012/eu-west-1")).isEqualTo(-2083420909682725188L);
        assertThat(ShardAssignment.hash64("redis:redis.internal:6379")).isEqualTo(1137289923872092249L);
        assertThat(shards("aws:123456789012/eu-west-1"))
                .containsExactly(0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        assertThat(shards("redis:redis.internal:6379")).containsExactly(0, 0, 2, 2, 2, 2, 2, 7, 8, 8, 8, 8, 8, 8, 8, 8);
    }

    private static int[] shards(String key) {
        int[] out = new int[16];
        for (int n = 1; n <= 16; n++) {
            out[n - 1] = ShardAssignment.shardOf(key, n);
        }
        return out;
    }

    @Test
    void theRedisKeyPlacesTheSessionExporterOnOneShard() {
        String key = ShardAssignment.redisKey("redis.internal:6379");
        assertThat(key).isEqualTo("redis:redis.internal:6379");
        for (int n = 1; n <= 16; n++) {
            int owner = ShardAssignment.shardOf(key, n);
            assertThat(owner).isBetween(0, n - 1);
        }
    }
}
