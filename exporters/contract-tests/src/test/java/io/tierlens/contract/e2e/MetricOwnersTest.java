package io.tierlens.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.catalog.MetricCatalog;
import io.tierlens.contract.dashboards.DashboardFiles;
import io.tierlens.contract.rules.RuleFiles;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping the end-to-end test skips queries by must cover every name of the contract, and nothing more. */
class MetricOwnersTest {
    @Test
    void mapsNamesRecordingRulesAndPushgatewaySeriesToTheirExporter() {
        assertThat(MetricOwners.exporterOf("tierlens_alb_requests_per_second")).contains("alb");
        assertThat(MetricOwners.exporterOf("load_balancer:tierlens_alb_5xx:ratio_avg1h"))
                .contains("alb");
        assertThat(MetricOwners.exporterOf("resource:tierlens_backup_newest_copy_timestamp_seconds:max"))
                .contains("backup");
        assertThat(MetricOwners.exporterOf("tierlens_redis_up")).contains("session");
        assertThat(MetricOwners.exporterOf("tierlens_job_last_exit_code")).contains("batch");
        assertThat(MetricOwners.exporterOf("push_time_seconds")).contains("batch");
        assertThat(MetricOwners.exporterOf("tierlens_exporter_up")).isEmpty();
        assertThat(MetricOwners.exporterOf("jvm_memory_used_bytes")).isEmpty();
        assertThat(MetricOwners.exporterOf("ALERTS")).isEmpty();
    }

    @Test
    void anUnknownAreaIsAnErrorNotAnAlwaysPresentExporter() {
        assertThatThrownBy(() -> MetricOwners.exporterOf("tierlens_newthing_widgets"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'newthing'");
    }

    @Test
    void everyContractNameHasAnOwnerAndEveryAreaIsUsed() {
        Set<String> exporters = new HashSet<>();
        for (String name : MetricCatalog.readKnown(RepoRoot.get().resolve(MetricCatalog.KNOWN_FILE))
                .keySet()) {
            Optional<String> owner = MetricOwners.exporterOf(name);
            owner.ifPresent(exporters::add);
        }
        assertThat(exporters)
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(MetricOwners.EXPORTER_BY_AREA.values()));
    }

    @Test
    void findsTheExportersOfAQuery() {
        assertThat(MetricOwners.exportersOf("sum(tierlens_session_active) / on () group_left sum(tierlens_redis_up)"
                        + " or vector(0) and on () tierlens_exporter_up"))
                .containsExactly("session");
        assertThat(MetricOwners.exportersOf("count(tierlens_job_last_exit_code != 0) or vector(0)"))
                .containsExactly("batch");
    }

    @Test
    void everyDashboardQueryAndAlertRuleMapsAndTogetherTheyReadEveryExporter() {
        var root = RepoRoot.get();
        Set<String> read = new HashSet<>();
        DashboardFiles.queries(root).forEach(q -> read.addAll(MetricOwners.exportersOf(q.expanded())));
        RuleFiles.readAll(root).forEach(f -> f.rules().forEach(r -> read.addAll(MetricOwners.exportersOf(r.expr()))));
        assertThat(read).containsExactlyInAnyOrderElementsOf(new HashSet<>(MetricOwners.EXPORTER_BY_AREA.values()));
    }
}
