package io.tierlens.app.wiring;

import io.tierlens.core.aws.AwsClientFactory;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.aws.LiveApiClients;
import io.tierlens.core.cloudwatch.CloudWatchApi;
import io.tierlens.core.cloudwatch.CloudWatchPlanner;
import io.tierlens.core.cloudwatch.SdkCloudWatchApi;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.metrics.SelfMetrics;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Production boundary: real SDK clients built by {@link AwsClientFactory}. */
public final class LiveEnvironmentFactory implements EnvironmentFactory {
    private static final Logger log = LoggerFactory.getLogger(LiveEnvironmentFactory.class);

    private final Clock clock;

    public LiveEnvironmentFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RuntimeEnvironment create(LoadedConfig config, SelfMetrics self) {
        AwsClientFactory factory = new AwsClientFactory(config.core().aws(), self);
        LiveApiClients clients = new LiveApiClients(factory);
        List<AwsTarget> targets = TargetResolver.resolve(config.core(), () -> callerAccount(factory, config));
        CloudWatchPlanner planner = new CloudWatchPlanner(
                config.core().cloudwatch(),
                t -> clients.get(
                        CloudWatchApi.class,
                        t,
                        x -> new SdkCloudWatchApi(factory.build(CloudWatchClient.builder(), x))),
                clock,
                self);
        if (targets.isEmpty()) {
            log.warn("no AWS region configured: AWS exporters will have nothing to watch (set regions: [eu-west-1])");
        }
        targets.forEach(t -> log.info("watching {}", t));
        return new RuntimeEnvironment(
                new ExporterEnvironment(clock, targets, clients, planner, self), List.of(clients));
    }

    /** The default credentials' account, for the account_id label; "unknown" (with a hint) if STS cannot tell. */
    private static String callerAccount(AwsClientFactory factory, LoadedConfig config) {
        try {
            return factory.callerAccountId(config.core().regions().get(0));
        } catch (RuntimeException e) {
            log.warn(
                    "cannot ask STS for the account id ({}: {}); account_id will be \"unknown\". Fix: set aws.account_id"
                            + " in the config, or check the pod's IAM role / AWS credentials",
                    FailureReason.of(e),
                    e.getClass().getSimpleName());
            return "unknown";
        }
    }

    @Override
    public String mode() {
        return "live";
    }
}
