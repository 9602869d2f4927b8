package io.tierlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ha:} and {@code sharding:}, the top-level sections of the shared HA/sharding contract. */
class HaShardingConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of(), n -> null);

    private List<ConfigError> errors(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.loadText("t.yaml", yaml));
        assertThat(e).as("expected the configuration to be refused").isNotNull();
        return e.errors();
    }

    @Test
    void absentSectionsMeanOneShardWithoutElection() throws Exception {
        TierlensConfig c = loader.loadText("t.yaml", "regions: [eu-west-1]\n").core();
        assertThat(c.ha().enabled()).isFalse();
        assertThat(c.ha().leaseName()).isEqualTo("tierlens");
        assertThat(c.ha().leaseNamespace()).isEmpty();
        assertThat(c.ha().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.ha().renewDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.ha().retryPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.sharding().shards()).isEqualTo(1);
        assertThat(c.sharding().index()).isNull();
    }

    @Test
    void theContractKeysBind() throws Exception {
        TierlensConfig c = loader.loadText("t.yaml", """
                        regions: [eu-west-1]
                        ha: {enabled: true, lease_name: shop, lease_namespace: monitoring, lease_duration: 20s,
                             renew_deadline: 12s, retry_period: 3s}
                        sharding: {shards: 4, index: 3}
                        """).core();
        assertThat(c.ha())
                .isEqualTo(new HaConfig(
                        true,
                        "shop",
                        "monitoring",
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(12),
                        Duration.ofSeconds(3)));
        assertThat(c.sharding()).isEqualTo(new ShardingConfig(4, 3));
    }

    @Test
    void aDeadlineThatLetsTwoReplicasLeadIsRefusedByPath() {
        assertThat(errors("regions: [eu-west-1]\nha: {lease_duration: 10s, renew_deadline: 10s}\n"))
                .extracting(ConfigError::path)
                .containsExactly("ha.renew_deadline");
        assertThat(errors("regions: [eu-west-1]\nha: {renew_deadline: 2s, retry_period: 2s}\n"))
                .extracting(ConfigError::path)
                .containsExactly("ha.retry_period");
    }

    @Test
    void badNamesAndShardsAreRefusedByPath() {
        assertThat(errors("regions: [eu-west-1]\nha: {lease_name: Tierlens_Lease, lease_namespace: Mon}\n"))
                .extracting(ConfigError::path)
                .containsExactly("ha.lease_name", "ha.lease_namespace");
        assertThat(errors("regions: [eu-west-1]\nsharding: {shards: 0}\n"))
                .extracting(ConfigError::path)
                .containsExactly("sharding.shards");
        assertThat(errors("regions: [eu-west-1]\nsharding: {shards: 4, index: 4}\n"))
                .extracting(ConfigError::path)
                .containsExactly("sharding.index");
    }
}
