package io.tierlens.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.aws.query.AwsQueryClient;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.config.AwsConfig;
import io.tierlens.core.metrics.SelfMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;

/**
 * A WireMock server standing in for AWS, and REAL SDK clients (or our Query-protocol clients for EC2 and RDS) built by
 * {@link AwsClientFactory} with the endpoint pointed at it and static test credentials. awsQuery services (ELBv2, RDS, CloudWatch at our SDK version) take
 * form POSTs to "/" told apart by {@code Action=} and answer XML ({@link #xml}); REST-JSON services (AWS Backup)
 * take requests on resource paths and answer JSON ({@link #json}). Test resources are read from the classpath of
 * the module under test.
 */
public final class AwsWireMock implements AutoCloseable {
    public static final AwsTarget TARGET = TestEnvironment.TARGET;

    public final WireMockServer server = new WireMockServer(options().dynamicPort());
    public final PrometheusRegistry registry = new PrometheusRegistry();
    public final SelfMetrics self = new SelfMetrics(registry);
    public final AwsClientFactory factory;

    /** @param maxAttempts SDK attempts per call; small keeps retry back-off short */
    public AwsWireMock(int maxAttempts) {
        // The default credential chain reads these first; nothing here ever reaches AWS.
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        server.start();
        factory = new AwsClientFactory(
                new AwsConfig(
                        server.baseUrl(),
                        TARGET.accountId(),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(5),
                        maxAttempts,
                        1000.0,
                        Map.of(),
                        true),
                self);
    }

    /** A real SDK client of {@link #TARGET} against the stub, e.g. {@code client(CloudWatchClient.builder())}. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return factory.build(builder, TARGET);
    }

    /** A real Query-protocol client of {@link #TARGET} against the stub, e.g. {@code query(QueryService.RDS)}. */
    public AwsQueryClient query(QueryService service) {
        return factory.query(service, TARGET);
    }

    /** Every request to "/", in order. */
    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo("/")));
    }

    /** Raw form bodies of the awsQuery requests with {@code Action=action}, in order. */
    public List<String> bodies(String action) {
        return requests().stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(b -> form(b).getOrDefault("Action", "").equals(action))
                .toList();
    }

    /** The awsQuery requests with {@code Action=action}, decoded, in order. */
    public List<Map<String, String>> forms(String action) {
        return bodies(action).stream().map(AwsWireMock::form).toList();
    }

    /** A form body decoded into its parameters. */
    public static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    /** A 200 answer with an XML test resource (awsQuery). */
    public static ResponseDefinitionBuilder xml(String resource) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withHeader("x-amzn-RequestId", "6581c0ac-f39f-11e5-bb98-57195a6eb84a")
                .withBody(resource(resource));
    }

    /** A 200 answer with a JSON test resource (REST-JSON). */
    public static ResponseDefinitionBuilder json(String resource) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "1f5b8a34-0c2e-4d9e-8f7a-3b6c1d2e4f50")
                .withBody(resource(resource));
    }

    /** A test resource as text, from the classpath of the thread (the module under test). */
    public static String resource(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        factory.close();
    }
}
