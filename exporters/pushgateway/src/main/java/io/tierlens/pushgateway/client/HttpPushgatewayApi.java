package io.tierlens.pushgateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.pushgateway.model.GroupingKey;
import io.tierlens.pushgateway.model.PushedGroup;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PushgatewayApi} over HTTP. Pushing is client_java's {@link PushGateway} (grouping-key encoding, the
 * exposition format and its error messages are the library's, as for every other client_java user); reading is
 * ours, because client_java has no reader: one GET of {@code /api/v1/metrics} over {@code java.net.http}. Both
 * use the same timeout.
 */
public final class HttpPushgatewayApi implements PushgatewayApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final Optional<BasicAuth> auth;
    private final HttpClient http;

    /**
     * @param base the Pushgateway's address, e.g. {@code http://pushgateway:9091} (a path prefix is kept);
     *     credentials in it ({@code http://user:pass@pushgateway:9091}) are sent as basic auth
     * @param timeout limit for connecting and for the whole request
     */
    public HttpPushgatewayApi(URI base, Duration timeout) {
        this(base, timeout, BasicAuth.fromUserInfo(base));
    }

    /**
     * @param base the Pushgateway's address; any userinfo in it is dropped (never sent in the URL, never printed)
     * @param auth basic-auth credentials sent with every request
     */
    public HttpPushgatewayApi(URI base, Duration timeout, Optional<BasicAuth> auth) {
        this.base = stripSlash(BasicAuth.withoutUserInfo(base));
        this.timeout = timeout;
        this.auth = auth;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The address without credentials: safe to print. */
    public URI base() {
        return base;
    }

    @Override
    public String target() {
        int port = base.getPort() >= 0 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        return base.getHost() + ":" + port;
    }

    @Override
    public void pushAdd(GroupingKey key, MetricSnapshots metrics) throws IOException {
        PushGateway.Builder pg = PushGateway.builder()
                .scheme(Scheme.fromString(base.getScheme()))
                // host:port and any path prefix; client_java appends /metrics/job/...
                .address(base.getRawAuthority() + (base.getRawPath() == null ? "" : base.getRawPath()))
                .job(key.job())
                // the text format keeps what is pushed readable in the Pushgateway's UI and in a packet capture
                .format(Format.PROMETHEUS_TEXT)
                .connectionFactory(HttpPushgatewayApi::open)
                .connectionTimeout(timeout)
                .readTimeout(timeout);
        key.instance().ifPresent(i -> pg.groupingKey("instance", i));
        auth.ifPresent(a -> pg.basicAuth(a.user(), a.password()));
        pg.build().pushAdd((MultiCollector) () -> metrics);
    }

    /**
     * client_java 1.5.0 encodes grouping values with {@code URLEncoder}, which writes a space as {@code +}; in a
     * URL path that is a plus sign, so {@code --instance "cron job"} would arrive as {@code cron+job}. A literal
     * plus is encoded as {@code %2B} and base64 values are URL-safe, so every {@code +} in the URL is a space.
     */
    static HttpURLConnection open(URL url) throws IOException {
        URL fixed = URI.create(url.toString().replace("+", "%20")).toURL();
        return (HttpURLConnection) fixed.openConnection();
    }

    @Override
    public List<PushedGroup> groups() throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/v1/metrics"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        auth.ifPresent(a -> builder.header("Authorization", a.header()));
        HttpRequest request = builder.build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IOException("Pushgateway answered HTTP " + response.statusCode() + " to /api/v1/metrics");
        }
        return parseGroups(response.body());
    }

    /**
     * Parses the body of {@code /api/v1/metrics}: {@code {"status":"success","data":[{"labels":{...},
     * "<metric>":{"metrics":[{"labels":{...},"value":"1.7e9"}]}, ...}]}}.
     */
    static List<PushedGroup> parseGroups(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null
                || !"success".equals(root.path("status").asText())
                || !root.path("data").isArray()) {
            throw new IOException("unexpected /api/v1/metrics response (no status success with a data list)");
        }
        List<PushedGroup> groups = new ArrayList<>();
        for (JsonNode group : root.path("data")) {
            Map<String, String> labels = strings(group.path("labels"));
            Map<String, Double> values = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : group.properties()) {
                JsonNode samples = field.getValue().path("metrics");
                if (!samples.isArray()) {
                    continue; // "labels", "last_push_successful": not metric families
                }
                for (JsonNode sample : samples) {
                    if (strings(sample.path("labels")).equals(labels)) {
                        parse(sample.path("value").asText()).ifPresent(v -> values.put(field.getKey(), v));
                    }
                }
            }
            groups.add(new PushedGroup(labels, values));
        }
        return groups;
    }

    private static java.util.Optional<Double> parse(String text) {
        try {
            return java.util.Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            // "NaN" and "+Inf" parse; anything else is not a sample value we can use
            return java.util.Optional.empty();
        }
    }

    /** Labels as a map; empty values are left out, as in Prometheus, where an empty label is an absent one. */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().asText().isEmpty()) {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to the Pushgateway", e);
        }
    }

    private static URI stripSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
