package io.tierlens.backup.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void theShortNameIsTheLastPartOfTheArn() {
        assertThat(ResourceNames.of("arn:aws:rds:eu-west-1:123456789012:db:shop-db-1"))
                .isEqualTo("shop-db-1");
        assertThat(ResourceNames.of("arn:aws:rds:eu-west-1:123456789012:cluster:reports"))
                .isEqualTo("reports");
        assertThat(ResourceNames.of("arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc"))
                .isEqualTo("vol-0abc");
        assertThat(ResourceNames.of("arn:aws:dynamodb:eu-west-1:123456789012:table/orders"))
                .isEqualTo("orders");
        assertThat(ResourceNames.of("arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-12345678"))
                .isEqualTo("fs-12345678");
        assertThat(ResourceNames.of("arn:aws:s3:::shop-assets")).isEqualTo("shop-assets");
        assertThat(ResourceNames.of("not-an-arn")).isEqualTo("not-an-arn");
    }
}
