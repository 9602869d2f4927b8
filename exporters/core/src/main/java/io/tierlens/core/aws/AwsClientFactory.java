package io.tierlens.core.aws;

import io.tierlens.core.aws.query.AwsQueryClient;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.config.AwsConfig;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Builds every AWS SDK client tierlens uses, the same way: credentials for the target (default chain, or
 * AssumeRole with external id), region, optional endpoint override, call and attempt timeouts, adaptive retry,
 * a token bucket per operation and request counting. One synchronous HTTP client is shared by all. The Query-protocol
 * services (EC2, RDS) get an {@link AwsQueryClient} with the same settings instead of a generated SDK client.
 */
public final class AwsClientFactory implements AutoCloseable {
    private final AwsConfig config;
    private final ApiCallRecorder recorder;
    private final OperationRateLimiter limiter;
    private final SdkHttpClient http;
    private final Map<String, AwsCredentialsProvider> assumedRoles = new ConcurrentHashMap<>();
    private volatile AwsCredentialsProvider defaultChain;
    private volatile ScheduledExecutorService attemptTimer;

    public AwsClientFactory(AwsConfig config, ApiCallRecorder recorder) {
        this.config = config;
        this.recorder = recorder;
        this.limiter = new OperationRateLimiter(config.requestsPerSecond(), config.operationRequestsPerSecond());
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(config.attemptTimeout())
                .socketTimeout(config.attemptTimeout())
                .build();
    }

    /** Configures {@code builder} for {@code target} and builds the client. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, AwsTarget target) {
        builder.region(Region.of(target.region()))
                .credentialsProvider(credentials(target))
                .httpClient(http)
                .overrideConfiguration(overrides());
        if (!config.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        return builder.build();
    }

    /**
     * A Query-protocol client of {@code service} for {@code target}: same credentials, region, endpoint override,
     * timeouts, retry strategy, rate limits, HTTP client and request counting as {@link #build}.
     */
    public AwsQueryClient query(QueryService service, AwsTarget target) {
        URI endpoint = config.endpoint().isEmpty()
                ? URI.create("https://"
                        + ServiceMetadata.of(service.endpointPrefix()).endpointFor(Region.of(target.region())))
                : URI.create(config.endpoint());
        return new AwsQueryClient(
                service,
                endpoint,
                target.region(),
                credentials(target),
                new AwsQueryClient.Transport(
                        http,
                        attemptTimer(),
                        retryStrategy(),
                        limiter,
                        recorder,
                        config.callTimeout(),
                        config.attemptTimeout()));
    }

    /** Adaptive retry, a fresh strategy (and so a fresh adaptive rate) per client, as each SDK client has its own. */
    private RetryStrategy retryStrategy() {
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(config.maxAttempts())
                .build();
    }

    /** One daemon thread aborts Query attempts that outlast the attempt timeout; started on first use. */
    private ScheduledExecutorService attemptTimer() {
        ScheduledExecutorService t = attemptTimer;
        if (t == null) {
            synchronized (this) {
                if (attemptTimer == null) {
                    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
                        Thread thread = new Thread(r, "tierlens-aws-attempt-timer");
                        thread.setDaemon(true);
                        return thread;
                    });
                    // a cancelled abort must not linger until its due time: there is one per attempt
                    timer.setRemoveOnCancelPolicy(true);
                    attemptTimer = timer;
                }
                t = attemptTimer;
            }
        }
        return t;
    }

    ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(config.callTimeout())
                .apiCallAttemptTimeout(config.attemptTimeout())
                .retryStrategy(retryStrategy())
                .addExecutionInterceptor(new RateLimitInterceptor(limiter))
                .addExecutionInterceptor(new GetMetricDataBilling(recorder))
                .addMetricPublisher(new SdkCallMetricsPublisher(recorder))
                .build();
    }

    private AwsCredentialsProvider credentials(AwsTarget target) {
        if (target.roleArn().isEmpty()) {
            return defaultChain();
        }
        String role = target.roleArn().get();
        return assumedRoles.computeIfAbsent(role + "|" + target.region(), k -> {
            // STS itself is called with the default credentials: building it for `target` would ask for the
            // role's credentials again, inside this computeIfAbsent ("Recursive update").
            StsClient sts =
                    build(StsClient.builder(), AwsTarget.defaultCredentials(target.accountId(), target.region()));
            AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                    .roleArn(role)
                    .roleSessionName("tierlens")
                    .durationSeconds(3600);
            target.externalId().ifPresent(request::externalId);
            return StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts)
                    .refreshRequest(request.build())
                    .asyncCredentialUpdateEnabled(false)
                    .build();
        });
    }

    private AwsCredentialsProvider defaultChain() {
        AwsCredentialsProvider p = defaultChain;
        if (p == null) {
            synchronized (this) {
                if (defaultChain == null) {
                    defaultChain = DefaultCredentialsProvider.builder().build();
                }
                p = defaultChain;
            }
        }
        return p;
    }

    /** The account id of the default credentials, from STS GetCallerIdentity (one call, at start). */
    public String callerAccountId(String region) {
        try (StsClient sts = build(StsClient.builder(), AwsTarget.defaultCredentials("", region))) {
            return sts.getCallerIdentity().account();
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService t = attemptTimer;
        if (t != null) {
            t.shutdownNow();
        }
        http.close();
    }
}
