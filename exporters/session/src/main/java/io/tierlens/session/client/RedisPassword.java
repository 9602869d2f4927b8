package io.tierlens.session.client;

import io.tierlens.session.RedisConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Redis password, read from a file (a mounted secret) or an environment variable. It is handed to the Redis
 * client only; {@link #toString()} never shows it, and error messages name the source, never the value.
 */
public final class RedisPassword {
    private final String value;
    private final String source;

    private RedisPassword(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /**
     * The password the config points to, or empty when none is configured.
     *
     * @param env reads an environment variable (System::getenv in production)
     * @throws RedisAccessException with reason {@code credentials_missing} when the file or variable is absent
     */
    public static Optional<RedisPassword> resolve(RedisConfig config, Function<String, String> env) {
        if (config.passwordFileValue().isPresent()) {
            String file = config.passwordFileValue().get();
            try {
                String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                // Secrets mounted from files usually end with a newline the password does not contain.
                return Optional.of(new RedisPassword(stripTrailingNewlines(text), "password_file " + file));
            } catch (IOException e) {
                throw new RedisAccessException(
                        RedisAccessException.CREDENTIALS_MISSING,
                        "cannot read the Redis password from password_file " + file + ": "
                                + e.getClass().getSimpleName());
            }
        }
        if (config.passwordEnvValue().isPresent()) {
            String name = config.passwordEnvValue().get();
            String v = env.apply(name);
            if (v == null || v.isEmpty()) {
                throw new RedisAccessException(
                        RedisAccessException.CREDENTIALS_MISSING,
                        "environment variable " + name + " (password_env) is not set or empty");
            }
            return Optional.of(new RedisPassword(v, "password_env " + name));
        }
        return Optional.empty();
    }

    /** For the Redis client only. */
    String value() {
        return value;
    }

    /** Where the password came from, safe to log. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "RedisPassword[from " + source + ", value hidden]";
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
