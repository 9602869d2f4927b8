package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json refuses wrong types and unknown keys before anything is rendered, and says where. */
class SchemaTest {
    private final Chart chart = Chart.repository();

    private String rejection(String values) {
        Throwable t = catchThrowable(() -> chart.template(values));
        assertThat(t).as("values accepted:\n%s", values).isNotNull();
        // shown so a reader of the build log sees what a user sees
        System.out.println("values:\n" + values.strip() + "\nrejected with:\n" + t.getMessage() + "\n");
        assertThat(t.getMessage()).contains("values don't meet the specifications of the schema");
        return t.getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown top-level key                | replicaCount: 2                          | replicaCount",
                "misspelt nested key                  | 'deployment: {replica: 2}'               | replica",
                "string for an integer                | port: metrics                            | port",
                "number for a boolean                 | 'rbac: {create: 1}'                      | create",
                "list for a map                       | 'serviceMonitor: {additionalLabels: [a]}' | additionalLabels",
                "value outside the enum               | deploymentMode: split                    | deploymentMode",
                "unquoted account id                  | 'config: {aws: {account_id: 111122223333}}' | account_id",
                "unquoted image tag                   | 'image: {tag: 1.10}'                     | tag",
                "role ARN that is not one             | 'deployment: {serviceAccount: {roleArn: tierlens}}' | roleArn",
                "a fixed heap                         | 'deployment: {extraJvmFlags: [-Xmx512m]}'  | extraJvmFlags",
                "mode outside the enum                | mode: active-passive                     | mode",
                "a third replica per shard            | 'sharding: {replicasPerShard: 3}'        | replicasPerShard",
            })
    void refuses(String what, String values, String named) {
        assertThat(rejection(values)).contains(named);
    }

    @Test
    void aBatchJobWithoutCommandIsRefused() {
        assertThat(rejection("""
                        batch:
                          pushgateway: http://pushgateway:9091
                          jobs:
                            - {name: nightly, schedule: "0 3 * * *"}
                        """)).contains("command");
    }

    @Test
    void theDefaultsAndTheDocumentedShapesPass() {
        assertThat(chart.template("""
                                config:
                                  regions: [ap-northeast-2]
                                  aws: {account_id: "111122223333"}
                                  accounts:
                                    - {name: prod, role_arn: "arn:aws:iam::444455556666:role/tierlens-read"}
                                  exporters:
                                    alb: {enabled: true, refresh: 60s}
                                    rds:
                                deployment:
                                  serviceAccount: {roleArn: "arn:aws:iam::111122223333:role/tierlens"}
                                podDisruptionBudget: {maxUnavailable: "50%"}
                                """).resources()).isNotEmpty();
    }
}
