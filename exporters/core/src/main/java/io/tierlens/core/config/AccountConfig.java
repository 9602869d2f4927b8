package io.tierlens.core.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of {@code accounts:} — an AWS account reached through {@code sts:AssumeRole}.
 *
 * @param name short name for logs (defaults to the account id)
 * @param roleArn role to assume; the account id is taken from it
 * @param externalId external id the role's trust policy requires, if any (never logged)
 * @param regions regions to watch in this account; defaults to the top-level {@code regions}
 */
public record AccountConfig(String name, String roleArn, String externalId, List<String> regions)
        implements ConfigChecked {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/[\\w+=,.@/-]+");

    public AccountConfig {
        regions = regions == null ? List.of() : regions;
    }

    /** The 12-digit account id from the role ARN. */
    public String accountId() {
        var m = ROLE_ARN.matcher(roleArn == null ? "" : roleArn);
        return m.matches() ? m.group(1) : "";
    }

    public String displayName() {
        return name == null || name.isBlank() ? accountId() : name;
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (roleArn == null || !ROLE_ARN.matcher(roleArn).matches()) {
            problems.add(
                    ConfigProblems.join(path, "role_arn"),
                    "missing or not an IAM role ARN",
                    "write arn:aws:iam::<12-digit account>:role/<name>");
        }
        if (externalId != null && externalId.isBlank()) {
            // An empty ExternalId is sent as such and refused by every trust policy that asks for one.
            problems.add(
                    ConfigProblems.join(path, "external_id"),
                    "is empty",
                    "give the external id the role's trust policy requires, or remove the key");
        }
        Regions.check(regions, ConfigProblems.join(path, "regions"), problems);
    }
}
