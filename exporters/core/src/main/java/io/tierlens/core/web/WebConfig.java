package io.tierlens.core.web;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A web configuration file in the format of Prometheus' exporter-toolkit ({@code --web.config.file} of
 * node_exporter, redis_exporter, blackbox_exporter): TLS, basic-auth users with bcrypt hashes, response headers and
 * a request rate limit. One file format for every exporter means one Secret layout and one runbook.
 *
 * @param tlsServerConfig absent: plain HTTP
 * @param httpServerConfig response headers ({@code http2} is accepted and ignored: the JDK server speaks HTTP/1.1)
 * @param basicAuthUsers user → bcrypt hash; empty: no basic auth
 * @param rateLimit token bucket over every request; absent: none
 */
public record WebConfig(
        TlsServerConfig tlsServerConfig,
        HttpServerConfig httpServerConfig,
        Map<String, String> basicAuthUsers,
        RateLimit rateLimit)
        implements ConfigChecked {

    /** No TLS, no auth, no headers: what tierlens does without {@code --web-config-file}. */
    public static final WebConfig NONE = new WebConfig(null, null, null, null);

    public WebConfig {
        httpServerConfig = httpServerConfig == null ? new HttpServerConfig(null, null) : httpServerConfig;
        basicAuthUsers = basicAuthUsers == null ? Map.of() : Map.copyOf(basicAuthUsers);
    }

    public Optional<TlsServerConfig> tls() {
        return Optional.ofNullable(tlsServerConfig).filter(t -> !t.isEmpty());
    }

    public Optional<RateLimit> limit() {
        return Optional.ofNullable(rateLimit).filter(r -> !r.interval().isZero());
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        basicAuthUsers.forEach((user, hash) -> {
            if (!BasicAuth.looksLikeBcrypt(hash)) {
                problems.add(
                        ConfigProblems.join("basic_auth_users", user),
                        "not a bcrypt hash",
                        "store the hash, not the password: htpasswd -nBC 10 \"\" | tr -d ':\\n'");
            }
        });
    }

    /** {@code http_server_config}. */
    public record HttpServerConfig(Boolean http2, Map<String, String> headers) implements ConfigChecked {
        /** The headers exporter-toolkit allows; any other name is an error there too. */
        static final java.util.List<String> ALLOWED_HEADERS = java.util.List.of(
                "Content-Security-Policy",
                "X-Frame-Options",
                "X-Content-Type-Options",
                "X-XSS-Protection",
                "Strict-Transport-Security");

        public HttpServerConfig {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        @Override
        public void check(String path, ConfigProblems problems) {
            headers.forEach((name, value) -> {
                String p = ConfigProblems.join(path, "headers." + name);
                if (!ALLOWED_HEADERS.contains(name)) {
                    problems.add(p, "header not allowed", "use one of: " + String.join(", ", ALLOWED_HEADERS));
                } else if (name.equals("X-Frame-Options")
                        && !value.isEmpty()
                        && !value.equalsIgnoreCase("deny")
                        && !value.equalsIgnoreCase("sameorigin")) {
                    problems.add(p, "unknown value \"" + value + "\"", "use deny or sameorigin");
                } else if (name.equals("X-Content-Type-Options") && !value.isEmpty() && !value.equals("nosniff")) {
                    problems.add(p, "unknown value \"" + value + "\"", "use nosniff");
                }
            });
        }
    }

    /** {@code rate_limit}: a token bucket refilled once per {@code interval}, holding up to {@code burst}. */
    public record RateLimit(Duration interval, Integer burst) implements ConfigChecked {
        public RateLimit {
            interval = interval == null ? Duration.ZERO : interval;
            burst = burst == null ? 1 : burst;
        }

        @Override
        public void check(String path, ConfigProblems problems) {
            if (!interval.isZero() && burst < 1) {
                problems.add(ConfigProblems.join(path, "burst"), "must be at least 1", "e.g. burst: 20");
            }
        }
    }
}
