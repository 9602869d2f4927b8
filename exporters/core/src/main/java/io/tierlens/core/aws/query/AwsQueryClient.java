package io.tierlens.core.aws.query;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.aws.OperationRateLimiter;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * A client for one AWS Query-protocol service (EC2, RDS) and one (account, region): a form POST of
 * {@code Action=…&Version=…}, SigV4-signed with the SDK's signer, over the SDK HTTP client every other client shares.
 * It replaces the generated service clients, which for one call each carried 25 MB of models into the jar.
 *
 * <p>What the SDK pipeline did for those clients happens here the same way: the SDK's retry strategy decides
 * retries and back-off (throttling and 5xx retried, other 4xx not), the call and attempt timeouts bound the call,
 * the per-operation token bucket is taken before every attempt, and every attempt is counted in
 * {@code tierlens_aws_api_requests_total} with the outcome the SDK metric publisher would give it. Errors are the
 * SDK's exception types, so {@code FailureReason} classifies them unchanged. Built by
 * {@code AwsClientFactory.query}.
 */
public final class AwsQueryClient implements AutoCloseable {
    /** Pages a single listing may take before we call it a loop: 10,000 pages of 100 is a million resources. */
    static final int MAX_PAGES = 10_000;

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final QueryService service;
    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final Transport transport;

    /** What every client of one factory shares: HTTP client, timers, limits and counters. */
    public record Transport(
            SdkHttpClient http,
            ScheduledExecutorService timer,
            RetryStrategy retryStrategy,
            OperationRateLimiter limiter,
            ApiCallRecorder recorder,
            Duration callTimeout,
            Duration attemptTimeout) {}

    public AwsQueryClient(
            QueryService service,
            URI endpoint,
            String region,
            AwsCredentialsProvider credentials,
            Transport transport) {
        this.service = Objects.requireNonNull(service);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.region = Objects.requireNonNull(region);
        this.credentials = Objects.requireNonNull(credentials);
        this.transport = Objects.requireNonNull(transport);
    }

    public QueryService service() {
        return service;
    }

    /**
     * Every page of {@code action}: sends {@code parameters}, then again with the service's page token as long as
     * the answer carries one, handing each page's result element to {@code page}. RDS's result element is
     * {@code <ActionResult>}; EC2 has none and gets the document element.
     */
    public void pages(String action, Map<String, String> parameters, Consumer<XmlElement> page) {
        Map<String, String> request = new LinkedHashMap<>(parameters);
        String previous = null;
        for (int n = 0; n < MAX_PAGES; n++) {
            XmlElement result = result(action, call(action, request));
            page.accept(result);
            String token = result.text(service.pageTokenElement()).orElse(null);
            if (token == null) {
                return;
            }
            if (token.equals(previous)) {
                throw new MalformedResponseException(action + " answered the same page token twice");
            }
            previous = token;
            request.put(service.pageTokenParameter(), token);
        }
        throw new MalformedResponseException(action + " did not end after " + MAX_PAGES + " pages");
    }

    private static XmlElement result(String action, XmlElement document) {
        return document.child(action + "Result").orElse(document);
    }

    /** One call of {@code action} with retries; the answer's document element. */
    public XmlElement call(String action, Map<String, String> parameters) {
        long start = System.nanoTime();
        long deadline = start + transport.callTimeout().toNanos();
        AwsCredentialsIdentity identity;
        try {
            // once per call, before any attempt, as the SDK resolves identity
            identity = credentials.resolveCredentials();
        } catch (RuntimeException e) {
            transport.recorder().recordRequest(service.label(), action, ApiOutcome.ERROR);
            throw e;
        }
        RetryStrategy retries = transport.retryStrategy();
        AcquireInitialTokenResponse initial =
                retries.acquireInitialToken(AcquireInitialTokenRequest.create(service.label() + ":" + region));
        RetryToken token = initial.token();
        sleep(initial.delay(), deadline);
        byte[] body = form(action, parameters);
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw ApiCallTimeoutException.create(transport.callTimeout().toMillis());
            }
            Duration attemptTimeout =
                    Duration.ofNanos(Math.min(transport.attemptTimeout().toNanos(), remaining));
            RuntimeException failure;
            try {
                transport.limiter().acquire(service.label(), action);
                QueryAttempt.Answer answer =
                        QueryAttempt.send(transport.http(), signed(identity, body), attemptTimeout, transport.timer());
                if (answer.status() >= 200 && answer.status() < 300) {
                    XmlElement document = SafeXml.parse(answer.body());
                    transport.recorder().recordRequest(service.label(), action, ApiOutcome.OK);
                    retries.recordSuccess(RecordSuccessRequest.create(token));
                    return document;
                }
                failure = QueryErrors.of(service, answer.status(), answer.body(), answer.response());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AbortedException.create("interrupted while rate limited");
            } catch (ApiCallAttemptTimeoutException e) {
                failure = attemptTimeout.compareTo(transport.attemptTimeout()) < 0
                        ? ApiCallTimeoutException.create(transport.callTimeout().toMillis())
                        : e;
            } catch (RuntimeException e) {
                failure = e;
            }
            transport.recorder().recordRequest(service.label(), action, outcome(failure));
            if (failure instanceof ApiCallTimeoutException) {
                throw failure;
            }
            try {
                RefreshRetryTokenResponse next = retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(token)
                        .failure(failure)
                        .build());
                token = next.token();
                sleep(next.delay(), deadline);
            } catch (TokenAcquisitionFailedException e) {
                // not retryable, or out of attempts: the failure itself is the answer, as the SDK throws it
                throw failure;
            }
        }
    }

    /**
     * The outcome label of a failed attempt, as {@code SdkCallMetricsPublisher} reads the SDK's metrics: AWS sheds
     * load with throttling codes, HTTP 429 and HTTP 503.
     */
    static ApiOutcome outcome(Throwable failure) {
        if (failure instanceof AwsServiceException a
                && (a.isThrottlingException() || a.statusCode() == 429 || a.statusCode() == 503)) {
            return ApiOutcome.THROTTLED;
        }
        return ApiOutcome.ERROR;
    }

    private byte[] form(String action, Map<String, String> parameters) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("Action", List.of(action));
        form.put("Version", List.of(service.version()));
        parameters.forEach((k, v) -> form.put(k, List.of(v)));
        return SdkHttpUtils.encodeAndFlattenQueryParameters(form).orElse("").getBytes(StandardCharsets.UTF_8);
    }

    private HttpExecuteRequest signed(AwsCredentialsIdentity identity, byte[] body) {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("User-Agent", "tierlens aws-query");
        if (request.encodedPath() == null || request.encodedPath().isEmpty()) {
            request.encodedPath("/");
        }
        SignedRequest signed = SIGNER.sign(r -> r.identity(identity)
                .request(request.build())
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.endpointPrefix())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        return HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(() -> new ByteArrayInputStream(body)))
                .build();
    }

    private void sleep(Duration delay, long deadline) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        if (System.nanoTime() + delay.toNanos() >= deadline) {
            // the back-off would outlast the call: give up now, as the SDK's call timer would
            throw ApiCallTimeoutException.create(transport.callTimeout().toMillis());
        }
        try {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("interrupted during retry back-off");
        }
    }

    /** The HTTP client and timer belong to the factory; a Query client holds nothing of its own to free. */
    @Override
    public void close() {}

    /** For tests and logs: where requests go. */
    public URI endpoint() {
        return endpoint;
    }
}
