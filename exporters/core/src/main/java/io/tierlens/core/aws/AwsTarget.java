package io.tierlens.core.aws;

import java.util.Optional;

/**
 * One (account, region) that tierlens watches, and how to get credentials for it.
 *
 * @param accountId 12-digit id, the {@code account_id} label
 * @param accountName short name for logs
 * @param region region id, the {@code region} label
 * @param roleArn role to assume; empty uses the default credential chain (IRSA, Pod Identity, profile)
 * @param externalId external id for the role; never logged ({@link #toString()} leaves it out)
 */
public record AwsTarget(
        String accountId, String accountName, String region, Optional<String> roleArn, Optional<String> externalId) {

    public static AwsTarget defaultCredentials(String accountId, String region) {
        return new AwsTarget(accountId, accountId, region, Optional.empty(), Optional.empty());
    }

    /** The same account and credentials in another region (Route53 metrics live in us-east-1). */
    public AwsTarget inRegion(String otherRegion) {
        return new AwsTarget(accountId, accountName, otherRegion, roleArn, externalId);
    }

    /** Key for per-(account, region) grouping that does not depend on credentials. */
    public String key() {
        return accountId + "/" + region;
    }

    @Override
    public String toString() {
        return "account=" + accountName + " region=" + region
                + roleArn.map(r -> " role=" + r).orElse("");
    }
}
