package io.tierlens.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.session.testing.DemoRedisServer;
import io.tierlens.session.testing.SpringSessionWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.embedded.RedisShardedCluster;

/** Replica reads and ElastiCache-style cluster mode, against real servers. */
class RealRedisTopologiesTest {

    @Test
    @SuppressWarnings("deprecation") // CONFIG RESETSTAT / CLIENT KILL have no typed method on UnifiedJedis
    void withReplicaReadsTheScanNeverTouchesThePrimary() throws Exception {
        try (DemoRedisServer primary = DemoRedisServer.start();
                RedisClient p = RealRedis.client(primary)) {
            try (DemoRedisServer replica = DemoRedisServer.start("replicaof 127.0.0.1 " + primary.port());
                    RedisClient r = RealRedis.client(replica)) {
                RealRedis.loadPlain(p, "spring:session", 250);
                RealRedis.cacheKeys(p, 100);
                await().atMost(Duration.ofSeconds(20)).until(() -> r.dbSize() == p.dbSize());
                p.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");
                r.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");

                SessionConfig config = RealRedis.config(primary.address())
                        .withRedis(RedisConfig.standalone(primary.address()).withReplica(replica.address()));
                RefreshResult result = RealRedis.exporter(config).refresh();

                assertThat(result.partialFailures()).isEmpty();
                assertThat(RealRedis.text(result))
                        .contains("tierlens_session_active{namespace=\"spring:session\"} 250.0")
                        .contains("tierlens_redis_up{instance=\"" + primary.address() + "\"} 1.0")
                        .contains("tierlens_redis_up{instance=\"" + replica.address() + "\"} 1.0");
                assertThat(p.info("commandstats"))
                        .doesNotContain("cmdstat_scan")
                        .doesNotContain("cmdstat_hmget");
                assertThat(r.info("commandstats")).contains("cmdstat_scan").contains("cmdstat_hmget");
            }
        }
    }

    @Test
    void clusterModeCountsEveryShard() throws Exception {
        List<Integer> ports = freeClusterPorts(6);
        RedisShardedCluster cluster = RedisShardedCluster.newRedisCluster()
                .serverPorts(ports)
                .shard("a", 1)
                .shard("b", 1)
                .shard("c", 1)
                .build();
        cluster.start();
        try (RedisClusterClient c = RedisClusterClient.builder()
                .nodes(java.util.Set.of(new HostAndPort("127.0.0.1", ports.get(0))))
                .build()) {
            // plain sessions spread over all shards, and an indexed namespace (minute buckets on several shards)
            SpringSessionWriter plain = new SpringSessionWriter(c, "spring:session", SpringSessionWriter.Store.PLAIN);
            SpringSessionWriter indexed =
                    new SpringSessionWriter(c, "shop:session", SpringSessionWriter.Store.INDEXED_MINUTE);
            for (int i = 0; i < 90; i++) {
                plain.create(
                        RealRedis.session(Duration.ofMinutes(2), Duration.ofSeconds(i), Duration.ofMinutes(30), null));
                indexed.create(RealRedis.session(
                        Duration.ofMinutes(2), Duration.ofSeconds(i * 20), Duration.ofMinutes(30), "u" + (i % 30)));
            }
            SessionConfig config = RealRedis.config("127.0.0.1:" + ports.get(0))
                    .withNamespaces(List.of("spring:session", "shop:session"))
                    // replicas catch up asynchronously: let every refresh start a new pass
                    .withScan(new ScanConfig(null, null, null, null, Duration.ZERO))
                    .withRedis(RedisConfig.standalone("127.0.0.1:" + ports.get(0))
                            .withMode(RedisConfig.Mode.CLUSTER)
                            .withReadFrom(RedisConfig.ReadFrom.REPLICA));
            SessionExporter e = RealRedis.exporter(config);
            String text = "";
            // replicas receive the writes asynchronously; the count converges at once on an idle machine, but a
            // loaded CI host can take seconds (this bounds a wait, it asserts no timing)
            for (int i = 0;
                    i < 300 && !(text.contains("spring:session\"} 90.0") && text.contains("shop:session\"} 90.0"));
                    i++) {
                text = RealRedis.text(e.refresh());
                Thread.sleep(100);
            }
            assertThat(text)
                    .contains("tierlens_session_active{namespace=\"spring:session\"} 90.0")
                    .contains("tierlens_session_active{namespace=\"shop:session\"} 90.0")
                    .contains("layout=\"indexed_minute\",namespace=\"shop:session\"")
                    .contains("tierlens_session_principals{namespace=\"shop:session\"} 30.0");
            for (int port : ports) {
                assertThat(text).contains("tierlens_redis_up{instance=\"127.0.0.1:" + port + "\"} 1.0");
            }
            e.close();
        } finally {
            cluster.stop();
        }
    }

    /** Ports whose cluster bus port (port + 10000) is free too. */
    private static List<Integer> freeClusterPorts(int n) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (int port = 20_000 + (int) (ProcessHandle.current().pid() % 5000); out.size() < n; port++) {
            if (free(port) && free(port + 10_000)) {
                out.add(port);
            }
        }
        return out;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
