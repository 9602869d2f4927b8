package io.tierlens.contract.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The two endpoints of Prometheus' HTTP API the end-to-end test reads: instant queries and active alerts. */
final class PrometheusApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PrometheusApi(URI base) {
        this.base = base;
    }

    /** Result of one instant query: the series returned, or the error Prometheus reported. */
    record QueryResult(String resultType, int series, boolean allNaN, String error) {
        boolean failed() {
            return error != null;
        }

        /** A scalar or string result counts as data; a vector or matrix needs at least one series. */
        boolean empty() {
            return !failed() && (resultType.equals("vector") || resultType.equals("matrix")) && series == 0;
        }
    }

    /** One pending or firing alert of {@code /api/v1/alerts}. */
    record Alert(String name, String state, Map<String, String> labels) {}

    QueryResult query(String expr) throws IOException, InterruptedException {
        JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        if (!body.path("status").asText().equals("success")) {
            return new QueryResult(
                    "",
                    0,
                    false,
                    body.path("errorType").asText() + ": " + body.path("error").asText());
        }
        JsonNode data = body.path("data");
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        int series = result.isArray() ? result.size() : 0;
        boolean allNaN = series > 0;
        for (JsonNode s : result) {
            // vector: "value": [ts, "v"]; matrix: "values": [[ts, "v"], ...]
            JsonNode v = s.has("value")
                    ? s.path("value").path(1)
                    : s.path("values").path(0).path(1);
            allNaN &= v.asText().equals("NaN");
        }
        return new QueryResult(type, series, allNaN, null);
    }

    /** One series of an instant query's vector result (a scalar comes back as one series without labels). */
    record Sample(Map<String, String> labels, double value) {}

    /** The series an instant query returns now, with their values. */
    List<Sample> samples(String expr) throws IOException, InterruptedException {
        JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        if (!body.path("status").asText().equals("success")) {
            throw new IOException(expr + ": " + body.path("errorType").asText() + ": "
                    + body.path("error").asText());
        }
        JsonNode data = body.path("data");
        List<Sample> out = new ArrayList<>();
        if (data.path("resultType").asText().equals("scalar")) {
            out.add(new Sample(Map.of(), value(data.path("result").path(1).asText())));
            return out;
        }
        for (JsonNode s : data.path("result")) {
            Map<String, String> labels = new TreeMap<>();
            s.path("metric")
                    .properties()
                    .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(new Sample(labels, value(s.path("value").path(1).asText())));
        }
        return out;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** What Grafana's {@code label_values(selector, label)} offers: the label's values on the matching series. */
    List<String> labelValues(String label, String selector) throws IOException, InterruptedException {
        JsonNode body = get(
                "/api/v1/label/" + label + "/values?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
        if (!body.path("status").asText().equals("success")) {
            throw new IOException("label values of " + label + " for " + selector + ": " + body.path("error"));
        }
        List<String> out = new ArrayList<>();
        body.path("data").forEach(v -> out.add(v.asText()));
        return out;
    }

    List<Alert> alerts() throws IOException, InterruptedException {
        List<Alert> out = new ArrayList<>();
        for (JsonNode a : get("/api/v1/alerts").path("data").path("alerts")) {
            Map<String, String> labels = new TreeMap<>();
            a.path("labels")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(new Alert(
                    labels.getOrDefault("alertname", ""), a.path("state").asText(), labels));
        }
        return out;
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // 400/422 carry a JSON error body (bad_data, execution); anything else is not Prometheus answering.
        if (r.statusCode() != 200 && r.statusCode() != 400 && r.statusCode() != 422) {
            throw new IOException("GET " + pathAndQuery + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
