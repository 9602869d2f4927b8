package io.tierlens.core.aws;

import io.tierlens.core.config.AwsConfig;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Builds every AWS SDK client tierlens uses, the same way: credentials for the target (default chain, or
 * AssumeRole with external id), region, optional endpoint override, call and attempt timeouts, adaptive retry,
 * a token bucket per operation and request counting. One synchronous HTTP client is shared by all.
 */
public final class AwsClientFactory implements AutoCloseable {
    private final AwsConfig config;
    private final ApiCallRecorder recorder;
    private final OperationRateLimiter limiter;
    private final SdkHttpClient http;
    private final Map<String, AwsCredentialsProvider> assumedRoles = new ConcurrentHashMap<>();
    private volatile AwsCredentialsProvider defaultChain;

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

    ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(config.callTimeout())
                .apiCallAttemptTimeout(config.attemptTimeout())
                .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .maxAttempts(config.maxAttempts())
                        .build())
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
        http.close();
    }
}
