package io.tierlens.dr.client;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.dr.ResourceManagerConfig;
import io.tierlens.dr.model.SiteResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Azure Resource Manager over REST, through azure-core's {@link HttpPipeline} with a bearer token for ARM (the
 * resource-manager SDK modules do not resolve from our Maven mirror). Lists follow {@code nextLink} only on the
 * configured endpoint (a link elsewhere would carry our token away), each request including its body is bounded by
 * the timeout and by {@link #MAX_BODY}, and 401/403/429 become {@code access_denied}/{@code throttled}.
 */
public final class RestArmApi implements ArmApi {
    static final String COMPUTE_API = "2024-07-01";
    static final String MYSQL_API = "2023-12-30";
    /** An answer larger than this is not an ARM answer we asked for. */
    static final int MAX_BODY = 4 << 20;

    private static final int MAX_PAGES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpPipeline pipeline;
    private final ResourceManagerConfig config;
    private final URI endpoint;

    public RestArmApi(ResourceManagerConfig config, TokenCredential credential, HttpClient http) {
        this.config = config;
        this.endpoint = URI.create(config.endpoint().replaceAll("/+$", ""));
        this.pipeline = new HttpPipelineBuilder()
                .httpClient(http)
                .policies(
                        new UserAgentPolicy("tierlens-dr"),
                        new BearerTokenAuthenticationPolicy(credential, endpoint + "/.default"))
                .build();
    }

    @Override
    public List<SiteResource> virtualMachines() throws ExporterException {
        List<SiteResource> out = new ArrayList<>();
        for (JsonNode vm : list("Microsoft.Compute/virtualMachines", COMPUTE_API)) {
            String name = ArmShapes.name(vm.path("name").asText(""));
            if (name.isEmpty() || !wanted(config.virtualMachines(), name)) {
                continue;
            }
            JsonNode view = get(resourceUrl("Microsoft.Compute/virtualMachines", name) + "/instanceView?api-version="
                    + COMPUTE_API);
            out.add(ArmShapes.virtualMachine(name, view));
        }
        return out;
    }

    @Override
    public List<SiteResource> mysqlServers() throws ExporterException {
        List<SiteResource> out = new ArrayList<>();
        for (JsonNode server : list("Microsoft.DBforMySQL/flexibleServers", MYSQL_API)) {
            String name = ArmShapes.name(server.path("name").asText(""));
            if (!name.isEmpty() && wanted(config.mysqlServers(), name)) {
                out.add(ArmShapes.mysqlServer(name, server));
            }
        }
        return out;
    }

    private static boolean wanted(List<String> names, String name) {
        return names.isEmpty() || names.contains(name);
    }

    private String groupUrl() {
        return endpoint + "/subscriptions/" + segment(config.subscriptionId()) + "/resourceGroups/"
                + segment(config.resourceGroup()) + "/providers/";
    }

    private String resourceUrl(String type, String name) {
        return groupUrl() + type + "/" + segment(name);
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every element of a paged list, following {@code nextLink}. */
    private List<JsonNode> list(String type, String apiVersion) throws ExporterException {
        List<JsonNode> out = new ArrayList<>();
        String url = groupUrl() + type + "?api-version=" + apiVersion;
        for (int page = 0; url != null; page++) {
            if (page == MAX_PAGES) {
                throw new ExporterException(
                        FailureReason.INVALID_RESPONSE, "ARM listed more than " + MAX_PAGES + " pages of " + type);
            }
            JsonNode body = get(url);
            JsonNode value = body.path("value");
            if (!value.isArray()) {
                throw new ExporterException(FailureReason.INVALID_RESPONSE, "ARM list of " + type + " has no value");
            }
            value.forEach(out::add);
            String next = body.path("nextLink").asText("");
            url = next.isEmpty() ? null : sameEndpoint(next);
        }
        return out;
    }

    private String sameEndpoint(String next) throws ExporterException {
        try {
            URI u = URI.create(next);
            if (endpoint.getScheme().equalsIgnoreCase(u.getScheme())
                    && endpoint.getHost().equalsIgnoreCase(u.getHost())
                    && endpoint.getPort() == u.getPort()) {
                return next;
            }
        } catch (IllegalArgumentException e) {
            // not a URI: refused below
        }
        throw new ExporterException(FailureReason.INVALID_RESPONSE, "ARM nextLink points away from " + endpoint);
    }

    private JsonNode get(String url) throws ExporterException {
        Answer a = send(url);
        if (a.status() == 429) {
            throw new ArmThrottledException("ARM answered HTTP 429", a.retryAfter());
        }
        if (a.status() != 200) {
            throw new ExporterException(
                    AzureFailures.ofStatus(a.status()),
                    "ARM answered HTTP " + a.status()
                            + ArmShapes.errorCode(a.body()).map(c -> " " + c).orElse(""));
        }
        try {
            return JSON.readTree(a.body());
        } catch (IOException e) {
            throw new ExporterException(FailureReason.INVALID_RESPONSE, "ARM answered with something not JSON", e);
        }
    }

    private record Answer(int status, byte[] body, Optional<Duration> retryAfter) {}

    private Answer send(String url) throws ExporterException {
        HttpRequest request = new HttpRequest(HttpMethod.GET, url).setHeader("Accept", "application/json");
        try {
            return pipeline.send(request)
                    .flatMap(r -> r.getBody()
                            .reduce(new ByteArrayOutputStream(), RestArmApi::append)
                            .map(out -> new Answer(
                                    r.getStatusCode(), out.toByteArray(), retryAfter(r.getHeaderValue("Retry-After"))))
                            .doFinally(s -> r.close()))
                    .timeout(config.timeout())
                    .block();
        } catch (RuntimeException e) {
            throw new ExporterException(AzureFailures.reason(e), "ARM request failed: " + AzureFailures.describe(e), e);
        }
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream out, ByteBuffer buffer) {
        if (out.size() + buffer.remaining() > MAX_BODY) {
            throw new BodyTooLargeException();
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        out.write(bytes, 0, bytes.length);
        return out;
    }

    /** Thrown inside the body stream; mapped to {@code invalid_response}. */
    static final class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("ARM answer larger than " + MAX_BODY + " bytes", null, false, false);
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        try {
            long seconds = Long.parseLong(h);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
