package io.tierlens.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.LoadedConfig;
import org.junit.jupiter.api.Test;

/** A reload cannot move a replica to another Lease or another share of targets than its peers. */
class ConfigChangeHaTest {
    private final ConfigLoader loader = new ConfigLoader(Modules.configTypes(Modules.all()), n -> null);

    private LoadedConfig load(String extra) throws Exception {
        return loader.loadText("t.yaml", "regions: [eu-west-1]\n" + extra);
    }

    @Test
    void haOrShardingChangesNeedARestart() throws Exception {
        LoadedConfig running = load("ha: {enabled: true}\nsharding: {shards: 2}\n");
        assertThat(ConfigChange.needsRestart(running, load("ha: {enabled: false}\nsharding: {shards: 2}\n")))
                .hasValueSatisfying(r -> assertThat(r).contains("ha: or sharding:"));
        assertThat(ConfigChange.needsRestart(running, load("ha: {enabled: true}\nsharding: {shards: 3}\n")))
                .isPresent();
        assertThat(ConfigChange.needsRestart(running, load("ha: {enabled: true}\nsharding: {shards: 2}\n")))
                .isEmpty();
    }

    @Test
    void aRegionChangeIsStillSharedAndReloadable() throws Exception {
        LoadedConfig running = load("ha: {enabled: true}\n");
        LoadedConfig next = loader.loadText("t.yaml", "regions: [eu-west-1, us-east-1]\nha: {enabled: true}\n");
        assertThat(ConfigChange.needsRestart(running, next)).isEmpty();
        assertThat(ConfigChange.sharedChanged(running, next)).isTrue();
    }
}
