package io.tierlens.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsTargetTest {
    private static final AwsTarget ASSUMED = new AwsTarget(
            "210987654321",
            "prod",
            "eu-west-1",
            Optional.of("arn:aws:iam::210987654321:role/tierlens"),
            Optional.of("s3cr3t-external-id"));

    @Test
    void toStringNeverContainsTheExternalId() {
        assertThat(ASSUMED.toString())
                .doesNotContain("s3cr3t")
                .contains("account=prod", "region=eu-west-1", "role=arn:aws:iam::210987654321:role/tierlens");
        assertThat(ASSUMED.inRegion("us-east-1").toString()).doesNotContain("s3cr3t");
        // nor does a message that embeds the target, as CloudWatchFetchException does
        assertThat("GetMetricData failed for " + ASSUMED).doesNotContain("s3cr3t");
    }

    @Test
    void defaultCredentialsHaveNoRole() {
        AwsTarget t = AwsTarget.defaultCredentials("123456789012", "eu-central-1");

        assertThat(t.roleArn()).isEmpty();
        assertThat(t.externalId()).isEmpty();
        assertThat(t.accountName()).isEqualTo("123456789012");
        assertThat(t).hasToString("account=123456789012 region=eu-central-1");
    }

    @Test
    void inRegionKeepsAccountAndCredentials() {
        AwsTarget us = ASSUMED.inRegion("us-east-1");

        assertThat(us.region()).isEqualTo("us-east-1");
        assertThat(us.accountId()).isEqualTo(ASSUMED.accountId());
        assertThat(us.roleArn()).isEqualTo(ASSUMED.roleArn());
        assertThat(us.externalId()).isEqualTo(ASSUMED.externalId());
    }

    @Test
    void keyGroupsByAccountAndRegionOnly() {
        AwsTarget sameAccountOtherRole = new AwsTarget(
                "210987654321",
                "other",
                "eu-west-1",
                Optional.of("arn:aws:iam::210987654321:role/x"),
                Optional.empty());

        assertThat(ASSUMED.key()).isEqualTo("210987654321/eu-west-1").isEqualTo(sameAccountOtherRole.key());
        assertThat(ASSUMED.inRegion("us-east-1").key()).isNotEqualTo(ASSUMED.key());
    }
}
