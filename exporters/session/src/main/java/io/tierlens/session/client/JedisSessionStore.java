package io.tierlens.session.client;

import io.tierlens.session.RedisConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@link SessionStore} over Jedis: standalone (optionally reading from a replica) or cluster mode, TLS, ACL user
 * and password. Connections are made on first use, so building the store never fails because Redis is down.
 */
public final class JedisSessionStore implements SessionStore {
    private static final Logger log = LoggerFactory.getLogger(JedisSessionStore.class);
    private static final int PIPELINE_BATCH = 200;
    private static final byte[][] TIME_FIELDS = {
        "creationTime".getBytes(StandardCharsets.UTF_8),
        "lastAccessedTime".getBytes(StandardCharsets.UTF_8),
        "maxInactiveInterval".getBytes(StandardCharsets.UTF_8)
    };

    private static final CommandObject<String> CLUSTER_NODES =
            new CommandObject<>(new CommandArguments(Protocol.Command.CLUSTER).add("NODES"), BuilderFactory.STRING);

    private final RedisConfig config;
    private final RedisNode seed;
    private final Optional<RedisNode> replica;
    private final JedisClientConfig clientConfig;
    private final Map<RedisNode, RedisClient> nodeClients = new ConcurrentHashMap<>();
    private volatile RedisClusterClient cluster;
    private volatile boolean warnedNoReplica;

    private JedisSessionStore(RedisConfig config, Optional<RedisPassword> password) {
        this.config = config;
        this.seed = RedisNode.parse(config.address());
        this.replica = config.replicaAddressValue().map(RedisNode::parse);
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) config.connectTimeout().toMillis())
                .socketTimeoutMillis((int) config.commandTimeout().toMillis())
                // no CLIENT SETINFO on connect: keeps the ACL tierlens needs to the commands it uses
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (config.tls()) {
            // JVM trust store and full hostname verification: ElastiCache presents certificates for its DNS names
            b.sslOptions(SslOptions.defaults());
        }
        if (config.mode() == RedisConfig.Mode.STANDALONE) {
            b.database(config.database());
        }
        config.usernameValue().ifPresent(b::user);
        password.ifPresent(p -> b.password(p.value()));
        this.clientConfig = b.build();
    }

    /** A store for {@code config}; reads the password now (file or environment variable). */
    public static JedisSessionStore open(RedisConfig config) {
        return open(config, System::getenv);
    }

    public static JedisSessionStore open(RedisConfig config, Function<String, String> env) {
        return new JedisSessionStore(config, RedisPassword.resolve(config, env));
    }

    @Override
    public RedisTopology topology() {
        if (config.mode() == RedisConfig.Mode.STANDALONE) {
            List<RedisNode> health = new ArrayList<>();
            health.add(seed);
            replica.ifPresent(health::add);
            RedisNode scanNode =
                    config.readFrom() == RedisConfig.ReadFrom.REPLICA && replica.isPresent() ? replica.get() : seed;
            return new RedisTopology(health, List.of(scanNode));
        }
        ClusterNodes nodes =
                ClusterNodes.parse(onNode(seed, "CLUSTER NODES", c -> c.executeCommand(CLUSTER_NODES)), seed.host());
        List<RedisNode> scan = new ArrayList<>();
        for (ClusterNodes.Node primary : nodes.slotOwners()) {
            if (config.readFrom() == RedisConfig.ReadFrom.REPLICA) {
                Optional<ClusterNodes.Node> r = nodes.replicaOf(primary);
                if (r.isPresent()) {
                    scan.add(r.get().address());
                    continue;
                }
                if (!warnedNoReplica) {
                    warnedNoReplica = true;
                    log.warn(
                            "read_from is replica but shard of {} has no usable replica; scanning its primary",
                            primary.address());
                }
            }
            scan.add(primary.address());
        }
        return new RedisTopology(nodes.usable(), scan);
    }

    @Override
    public String info(RedisNode node) {
        return onNode(node, "INFO", c -> c.info());
    }

    @Override
    public ScanPage scan(RedisNode node, String cursor, String match, int count) {
        ScanParams params = new ScanParams().match(match).count(count);
        ScanResult<String> r = onNode(node, "SCAN", c -> c.scan(cursor, params));
        return new ScanPage(r.getCursor(), r.getResult());
    }

    @Override
    public String type(String key) {
        return onKeys("TYPE", c -> c.type(key));
    }

    @Override
    public long zcount(String key, String min, String max) {
        return onKeys("ZCOUNT", c -> c.zcount(key, min, max));
    }

    @Override
    public List<Long> scard(List<String> keys) {
        return onKeys("SCARD", c -> {
            List<Long> out = new ArrayList<>(keys.size());
            for (int from = 0; from < keys.size(); from += PIPELINE_BATCH) {
                List<String> batch = keys.subList(from, Math.min(keys.size(), from + PIPELINE_BATCH));
                List<Response<Long>> responses = new ArrayList<>(batch.size());
                try (AbstractPipeline p = c.pipelined()) {
                    for (String k : batch) {
                        responses.add(p.scard(k));
                    }
                    p.sync();
                }
                responses.forEach(r -> out.add(r.get()));
            }
            return out;
        });
    }

    @Override
    public List<byte[]> srandmember(String key, int count) {
        return onKeys("SRANDMEMBER", c -> c.srandmember(key.getBytes(StandardCharsets.UTF_8), count));
    }

    @Override
    public List<byte[]> zrandmember(String key, int count) {
        return onKeys("ZRANDMEMBER", c -> c.zrandmember(key.getBytes(StandardCharsets.UTF_8), count));
    }

    @Override
    public List<Optional<RawSessionFields>> sessionFields(List<String> sessionKeys) {
        return onKeys("HMGET", c -> {
            List<Optional<RawSessionFields>> out = new ArrayList<>(sessionKeys.size());
            for (int from = 0; from < sessionKeys.size(); from += PIPELINE_BATCH) {
                List<String> batch = sessionKeys.subList(from, Math.min(sessionKeys.size(), from + PIPELINE_BATCH));
                List<Response<List<byte[]>>> responses = new ArrayList<>(batch.size());
                try (AbstractPipeline p = c.pipelined()) {
                    for (String k : batch) {
                        responses.add(p.hmget(k.getBytes(StandardCharsets.UTF_8), TIME_FIELDS));
                    }
                    p.sync();
                }
                for (Response<List<byte[]>> r : responses) {
                    List<byte[]> v = r.get();
                    RawSessionFields f = new RawSessionFields(
                            Optional.ofNullable(v.get(0)),
                            Optional.ofNullable(v.get(1)),
                            Optional.ofNullable(v.get(2)));
                    out.add(f.allMissing() ? Optional.empty() : Optional.of(f));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void close() {
        nodeClients.values().forEach(RedisClient::close);
        nodeClients.clear();
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    @Override
    public String toString() {
        // the password is deliberately not part of this
        return "JedisSessionStore[" + config.mode().name().toLowerCase(java.util.Locale.ROOT) + " " + seed
                + (config.tls() ? " tls" : "") + "]";
    }

    private <T> T onNode(RedisNode node, String command, Function<UnifiedJedis, T> call) {
        return withRetry(node.instance(), command, () -> call.apply(nodeClient(node)));
    }

    /** Key commands: the cluster routes by slot; standalone goes to the replica when reads are sent there. */
    private <T> T onKeys(String command, Function<UnifiedJedis, T> call) {
        if (config.mode() == RedisConfig.Mode.CLUSTER) {
            return withRetry(seed.instance(), command, () -> call.apply(clusterClient()));
        }
        RedisNode target =
                config.readFrom() == RedisConfig.ReadFrom.REPLICA && replica.isPresent() ? replica.get() : seed;
        return onNode(target, command, call);
    }

    /** Reads are idempotent, so one retry hides a pooled connection a Redis restart has broken. */
    private <T> T withRetry(String where, String command, Supplier<T> call) {
        try {
            return call.get();
        } catch (JedisConnectionException first) {
            RedisAccessException mapped = RedisFailures.map(where, command, first);
            if (!mapped.reason().equals(RedisAccessException.UNREACHABLE)
                    && !mapped.reason().equals(RedisAccessException.TIMEOUT)) {
                throw mapped;
            }
            try {
                return call.get();
            } catch (JedisException second) {
                throw RedisFailures.map(where, command, second);
            }
        } catch (JedisException e) {
            throw RedisFailures.map(where, command, e);
        }
    }

    private RedisClient nodeClient(RedisNode node) {
        return nodeClients.computeIfAbsent(
                node,
                n -> RedisClient.builder()
                        .hostAndPort(new HostAndPort(n.host(), n.port()))
                        .clientConfig(clientConfig)
                        .poolConfig(poolConfig())
                        .build());
    }

    private RedisClusterClient clusterClient() {
        RedisClusterClient c = cluster;
        if (c == null) {
            synchronized (this) {
                if (cluster == null) {
                    cluster = RedisClusterClient.builder()
                            .nodes(java.util.Set.of(new HostAndPort(seed.host(), seed.port())))
                            .clientConfig(clientConfig)
                            .poolConfig(poolConfig())
                            .maxAttempts(2)
                            .build();
                }
                c = cluster;
            }
        }
        return c;
    }

    private ConnectionPoolConfig poolConfig() {
        ConnectionPoolConfig p = new ConnectionPoolConfig();
        // One refresh thread uses a node at a time; two connections cover a pipeline plus a stray call.
        p.setMaxTotal(2);
        p.setMaxIdle(2);
        p.setMinIdle(0);
        p.setMaxWait(config.commandTimeout());
        p.setJmxEnabled(false);
        p.setTestWhileIdle(false);
        return p;
    }
}
