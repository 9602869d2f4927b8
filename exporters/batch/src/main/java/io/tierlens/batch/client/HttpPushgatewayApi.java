package io.tierlens.batch.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierlens.batch.model.GroupingKey;
import io.tierlens.batch.model.PushedGroup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PushgatewayApi} over plain {@code java.net.http}: the push is one POST of the text format, so the Java
 * client library would add a dependency without adding anything, and this way every timeout is ours.
 */
public final class HttpPushgatewayApi implements PushgatewayApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param base the Pushgateway's address, e.g. {@code http://pushgateway:9091} (a path prefix is kept)
     * @param timeout limit for connecting and for the whole request
     */
    public HttpPushgatewayApi(URI base, Duration timeout) {
        this.base = stripSlash(base);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public URI base() {
        return base;
    }

    @Override
    public void pushAdd(GroupingKey key, String textFormatBody) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/metrics" + key.path()))
                .timeout(timeout)
                .header("Content-Type", TEXT_FORMAT)
                .POST(HttpRequest.BodyPublishers.ofString(textFormatBody, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    "Pushgateway answered HTTP " + response.statusCode() + ": " + firstLine(response.body()));
        }
    }

    @Override
    public List<PushedGroup> groups() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/metrics"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
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

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
