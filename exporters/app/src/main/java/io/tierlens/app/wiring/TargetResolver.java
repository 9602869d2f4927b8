package io.tierlens.app.wiring;

import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.config.AccountConfig;
import io.tierlens.core.config.TierlensConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns {@code regions:} and {@code accounts:} into the (account, region) targets every AWS exporter watches:
 * the default credentials in each top-level region, plus each assumed-role account in its regions.
 */
public final class TargetResolver {
    private TargetResolver() {}

    /**
     * @param callerAccount the default credentials' account id (STS GetCallerIdentity), asked only if needed
     */
    public static List<AwsTarget> resolve(TierlensConfig config, Supplier<String> callerAccount) {
        List<AwsTarget> targets = new ArrayList<>();
        if (config.aws().watchDefaultAccount() && !config.regions().isEmpty()) {
            String account = config.aws().accountId().isEmpty()
                    ? callerAccount.get()
                    : config.aws().accountId();
            for (String region : config.regions()) {
                targets.add(AwsTarget.defaultCredentials(account, region));
            }
        }
        for (AccountConfig a : config.accounts()) {
            List<String> regions = a.regions().isEmpty() ? config.regions() : a.regions();
            for (String region : regions) {
                targets.add(new AwsTarget(
                        a.accountId(),
                        a.displayName(),
                        region,
                        Optional.of(a.roleArn()),
                        Optional.ofNullable(a.externalId()).filter(s -> !s.isEmpty())));
            }
        }
        return List.copyOf(targets);
    }
}
