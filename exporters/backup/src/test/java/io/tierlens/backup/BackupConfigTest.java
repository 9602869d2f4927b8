package io.tierlens.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tierlens.backup.model.BackupMechanism;
import io.tierlens.core.config.ConfigBinder;
import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupConfigTest {

    private static BackupConfig bind(String yaml, ConfigProblems problems) throws Exception {
        return new ConfigBinder(problems).bind(new YAMLMapper().readTree(yaml), BackupConfig.class, "exporters.backup");
    }

    @Test
    void anEmptySectionGivesTheDocumentedDefaults() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        BackupConfig c = bind("{}", problems);

        assertThat(problems.errors()).isEmpty();
        assertThat(c).isEqualTo(BackupConfig.defaults());
        assertThat(c.refresh()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.maxStaleness()).isEqualTo(Duration.ofHours(1));
        assertThat(c.lookback()).isEqualTo(Duration.ofHours(48));
        assertThat(c.rpoTarget()).isEqualTo(Duration.ofHours(24));
        assertThat(c.rds()).isTrue();
        assertThat(c.awsBackup()).isTrue();
        assertThat(c.replicationRegions()).isEmpty();
        assertThat(c.requiredMechanisms()).containsExactly("aws_backup", "snapshot");
    }

    @Test
    void requiredMechanismsAreNamedAndUnknownOnesAreRefused() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        BackupConfig c = bind("required_mechanisms: [aws_backup, pitr]", problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(c.requires(BackupMechanism.PITR)).isTrue();
        assertThat(c.requires(BackupMechanism.SNAPSHOT)).isFalse();

        ConfigProblems wrong = new ConfigProblems();
        bind("required_mechanisms: [aws_backup, dump]", wrong);
        assertThat(wrong.errors())
                .extracting(ConfigError::path)
                .containsExactly("exporters.backup.required_mechanisms[1]");
    }

    @Test
    void perResourceRpoTargetsOverrideTheDefault() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        BackupConfig c = bind("""
                rpo_target: 12h
                rpo_targets: {orders: 1h}
                replication_regions: [ap-northeast-1]
                names: ["shop-*"]
                """, problems);

        assertThat(problems.errors()).isEmpty();
        assertThat(c.rpoTargetOf("orders")).isEqualTo(Duration.ofHours(1));
        assertThat(c.rpoTargetOf("shop-db-1")).isEqualTo(Duration.ofHours(12));
        assertThat(c.rpoTargets()).isEqualTo(Map.of("orders", Duration.ofHours(1)));
        assertThat(c.replicationRegions()).isEqualTo(List.of("ap-northeast-1"));
    }

    @Test
    void semanticMistakesNameTheirPath() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        bind("""
                lookback: 45d
                rpo_target: 0s
                rds: false
                aws_backup: false
                """, problems);

        assertThat(problems.errors())
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder(
                        "exporters.backup.lookback", "exporters.backup.rpo_target", "exporters.backup");
    }
}
