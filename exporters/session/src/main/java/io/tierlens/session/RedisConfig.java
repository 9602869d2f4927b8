package io.tierlens.session;

import io.tierlens.core.config.ConfigProblems;
import io.tierlens.session.client.RedisNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code exporters.session.redis:}
 *
 * @param address {@code host:port}, {@code redis://host:port} or {@code rediss://host:port} (TLS) of the primary (standalone) or of any node / the configuration endpoint
 *     (cluster), default localhost:6379
 * @param mode {@code standalone} (default) or {@code cluster} (ElastiCache cluster mode enabled)
 * @param tls connect with TLS (ElastiCache in-transit encryption), default false
 * @param username ACL user (Redis 6+); empty uses the default user
 * @param passwordFile file holding the password (a mounted Kubernetes secret); never logged
 * @param passwordEnv environment variable holding the password; never logged
 * @param database database index, default 0 (standalone only)
 * @param readFrom {@code primary} (default) or {@code replica}: SCAN and session reads go to a replica
 * @param replicaAddress standalone replica-read target, e.g. the ElastiCache reader endpoint
 * @param connectTimeout default 2s
 * @param commandTimeout per command, default 2s
 */
public record RedisConfig(
        String address,
        Mode mode,
        Boolean tls,
        String username,
        String passwordFile,
        String passwordEnv,
        Integer database,
        ReadFrom readFrom,
        String replicaAddress,
        Duration connectTimeout,
        Duration commandTimeout) {

    public enum Mode {
        STANDALONE,
        CLUSTER
    }

    public enum ReadFrom {
        PRIMARY,
        REPLICA
    }

    public RedisConfig {
        address = address == null || address.isBlank() ? "localhost:6379" : address.trim();
        mode = mode == null ? Mode.STANDALONE : mode;
        // rediss:// is how ElastiCache shows a TLS endpoint: it means TLS whatever 'tls' says.
        tls = (tls != null && tls) || RedisNode.isTlsUri(address);
        database = database == null ? RedisNode.uriDatabase(address).orElse(0) : database;
        readFrom = readFrom == null ? ReadFrom.PRIMARY : readFrom;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(2) : commandTimeout;
    }

    public static RedisConfig defaults() {
        return new RedisConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A plain standalone connection to {@code address}; the other settings keep their defaults. */
    public static RedisConfig standalone(String address) {
        return new RedisConfig(address, null, null, null, null, null, null, null, null, null, null);
    }

    public Optional<String> usernameValue() {
        return Optional.ofNullable(username).filter(s -> !s.isBlank());
    }

    public Optional<String> passwordFileValue() {
        return Optional.ofNullable(passwordFile).filter(s -> !s.isBlank());
    }

    public Optional<String> passwordEnvValue() {
        return Optional.ofNullable(passwordEnv).filter(s -> !s.isBlank());
    }

    public Optional<String> replicaAddressValue() {
        return Optional.ofNullable(replicaAddress).filter(s -> !s.isBlank());
    }

    public RedisConfig withAddress(String a) {
        return new RedisConfig(
                a,
                mode,
                tls,
                username,
                passwordFile,
                passwordEnv,
                database,
                readFrom,
                replicaAddress,
                connectTimeout,
                commandTimeout);
    }

    public RedisConfig withPasswordEnv(String env) {
        return new RedisConfig(
                address,
                mode,
                tls,
                username,
                null,
                env,
                database,
                readFrom,
                replicaAddress,
                connectTimeout,
                commandTimeout);
    }

    public RedisConfig withPasswordFile(String file) {
        return new RedisConfig(
                address,
                mode,
                tls,
                username,
                file,
                null,
                database,
                readFrom,
                replicaAddress,
                connectTimeout,
                commandTimeout);
    }

    public RedisConfig withReplica(String replica) {
        return new RedisConfig(
                address,
                mode,
                tls,
                username,
                passwordFile,
                passwordEnv,
                database,
                ReadFrom.REPLICA,
                replica,
                connectTimeout,
                commandTimeout);
    }

    public RedisConfig withMode(Mode m) {
        return new RedisConfig(
                address,
                m,
                tls,
                username,
                passwordFile,
                passwordEnv,
                database,
                readFrom,
                replicaAddress,
                connectTimeout,
                commandTimeout);
    }

    public RedisConfig withReadFrom(ReadFrom r) {
        return new RedisConfig(
                address,
                mode,
                tls,
                username,
                passwordFile,
                passwordEnv,
                database,
                r,
                replicaAddress,
                connectTimeout,
                commandTimeout);
    }

    void check(String path, ConfigProblems problems) {
        if (passwordFileValue().isPresent() && passwordEnvValue().isPresent()) {
            problems.add(
                    ConfigProblems.join(path, "password_file"),
                    "password_file and password_env are both set",
                    "keep one of them");
        }
        passwordFileValue().ifPresent(f -> checkPasswordFile(ConfigProblems.join(path, "password_file"), f, problems));
        if (database < 0 || database > 15) {
            problems.add(ConfigProblems.join(path, "database"), "must be between 0 and 15", "Spring Session uses 0");
        }
        if (mode == Mode.CLUSTER && database != 0) {
            problems.add(ConfigProblems.join(path, "database"), "must be 0 in cluster mode", "remove database");
        }
        if (mode == Mode.STANDALONE
                && readFrom == ReadFrom.REPLICA
                && replicaAddressValue().isEmpty()) {
            problems.add(
                    ConfigProblems.join(path, "replica_address"),
                    "read_from is replica but no replica address is set",
                    "set replica_address to the replica or reader endpoint (host:port)");
        }
        if (mode == Mode.CLUSTER && replicaAddressValue().isPresent()) {
            problems.add(
                    ConfigProblems.join(path, "replica_address"),
                    "is not used in cluster mode",
                    "remove it; with read_from: replica each shard's replica is found from the cluster");
        }
        checkAddress(ConfigProblems.join(path, "address"), address, problems);
        replicaAddressValue().ifPresent(r -> checkAddress(ConfigProblems.join(path, "replica_address"), r, problems));
        if (commandTimeout.isZero() || connectTimeout.isZero()) {
            problems.add(ConfigProblems.join(path, "command_timeout"), "timeouts must be longer than 0s", "use 2s");
        }
    }

    private static void checkAddress(String path, String value, ConfigProblems problems) {
        if (RedisNode.hasCredentials(value)) {
            // Never echoed: the part before '@' is a user name and a password.
            problems.add(
                    path,
                    "the address contains user:password@, which tierlens does not accept",
                    "remove it from the address; put the password in a file named by password_file (a mounted"
                            + " secret) and the ACL user in username");
            return;
        }
        try {
            RedisNode.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(
                    path,
                    "expected host:port or redis[s]://host:port, got \"" + value + "\"",
                    "e.g. my-redis.abc123.cache.amazonaws.com:6379 or rediss://master.my-redis.abc123.cache.amazonaws.com:6379");
        }
    }

    /** Checked here so that a secret not mounted fails check-config, not the first refresh. */
    private static void checkPasswordFile(String path, String file, ConfigProblems problems) {
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            problems.add(path, "is not a valid file path", "give the path of the mounted secret file");
            return;
        }
        if (!Files.exists(p)) {
            problems.add(
                    path,
                    "the file does not exist",
                    "mount the secret holding the Redis password at that path, or correct the path");
        } else if (Files.isDirectory(p) || !Files.isReadable(p)) {
            problems.add(
                    path,
                    "the file cannot be read",
                    "point to the key file inside the secret volume, readable by the tierlens user");
        }
    }
}
