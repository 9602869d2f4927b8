package io.tierlens.backup.discovery;

import static io.tierlens.backup.testing.FakeRdsBackupApi.primary;
import static io.tierlens.backup.testing.FakeRdsBackupApi.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.backup.BackupConfig;
import io.tierlens.backup.model.AutomatedBackup;
import io.tierlens.backup.model.DbBackupState;
import io.tierlens.backup.model.DbSnapshot;
import io.tierlens.backup.model.RdsBackupInventory;
import io.tierlens.backup.testing.FakeRdsBackupApi;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.TestEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RdsBackupReaderTest {
    private static final Instant NOW = TestEnvironment.START;

    private final FakeRdsBackupApi api = new FakeRdsBackupApi();

    private RdsBackupInventory read(BackupConfig config) {
        return new RdsBackupReader(config, "eu-west-1", api, new MutableClock(NOW)).read();
    }

    private static DbBackupState instance(
            String id, String engine, Optional<String> cluster, Map<String, String> tags) {
        return new DbBackupState(
                id, "arn:" + id, engine, "available", 7, Optional.of(NOW), cluster, Optional.empty(), List.of(), tags);
    }

    @Test
    void clusterMembersAndOtherServicesAreLeftOutAndFiltersApply() {
        api.instances.add(instance("shop-db-1", "mysql", Optional.empty(), Map.of("app", "shop")));
        api.instances.add(instance("blog-db", "mysql", Optional.empty(), Map.of("app", "blog")));
        api.instances.add(instance("reports-1", "aurora-mysql", Optional.of("reports"), Map.of("app", "shop")));
        api.instances.add(instance("docs", "docdb", Optional.empty(), Map.of("app", "shop")));
        api.snapshots.add(snapshot("shop-db-1", DbSnapshot.AUTOMATED, NOW));
        api.snapshots.add(snapshot("blog-db", DbSnapshot.AUTOMATED, NOW));
        api.snapshots.add(snapshot("deleted-db", DbSnapshot.MANUAL, NOW));
        api.snapshots.add(snapshot("shop-db-1", "shared", NOW));

        RdsBackupInventory all = read(BackupConfig.defaults());
        RdsBackupInventory shop = read(new BackupConfig(
                null, null, null, null, null, null, null, null, null, null, null, Map.of("app", "shop")));

        assertThat(all.instances()).extracting(DbBackupState::identifier).containsExactly("shop-db-1", "blog-db");
        assertThat(all.snapshots()).extracting(DbSnapshot::dbInstance).containsExactly("shop-db-1", "blog-db");
        assertThat(shop.instances()).extracting(DbBackupState::identifier).containsExactly("shop-db-1");
        assertThat(shop.snapshots()).extracting(DbSnapshot::dbInstance).containsExactly("shop-db-1");
        assertThat(all.readAt()).isEqualTo(NOW);
    }

    @Test
    void automatedBackupsAreLocalOnesOfKeptInstancesAndReplicasFromElsewhereByName() {
        api.instances.add(primary("shop-db-1", NOW));
        api.automatedBackups.add(new AutomatedBackup("shop-db-1", "eu-west-1", "active", Optional.of(NOW), List.of()));
        api.automatedBackups.add(new AutomatedBackup("gone-db", "eu-west-1", "retained", Optional.of(NOW), List.of()));
        api.automatedBackups.add(
                new AutomatedBackup("tokyo-db", "ap-northeast-1", "replicating", Optional.of(NOW), List.of()));
        api.automatedBackups.add(
                new AutomatedBackup("other-app", "ap-northeast-1", "replicating", Optional.of(NOW), List.of()));

        RdsBackupInventory all = read(BackupConfig.defaults());
        RdsBackupInventory named = read(
                new BackupConfig(null, null, null, null, null, null, null, null, null, null, List.of("*-db*"), null));

        assertThat(all.automatedBackups())
                .extracting(AutomatedBackup::dbInstance)
                .containsExactly("shop-db-1", "tokyo-db", "other-app");
        assertThat(named.automatedBackups())
                .extracting(AutomatedBackup::dbInstance)
                .containsExactly("shop-db-1", "tokyo-db");
    }
}
