package io.tierlens.contract.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.dashboards.DashboardFiles.PanelQuery;
import io.tierlens.contract.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the committed health panels show in the situations issue 15 found them lying about, evaluated by the real
 * promtool (Prometheus 2.42's engine) on series written here: a stopped tierlens, a standby HA replica, a failed
 * CronJob without a Pushgateway, a DR failover, a blind backup exporter, a WAS whose pods all died. Each query is
 * read from the dashboard JSON, with every variable at "All".
 */
class PanelValuesTest {
    private static final String T = "job=\"tierlens\", instance=\"tierlens-0:9400\"";
    private static final String STANDBY = "job=\"tierlens\", instance=\"tierlens-1:9400\"";

    private final Path root = RepoRoot.get();

    @TempDir
    Path work;

    @Test
    void exportersUpIsZeroOnceTierlensStopsAndIgnoresAStandby() throws IOException {
        String exportersUp = query("001-system-overview.json", "Exporters up");
        assertPasses(new PromtoolCase()
                .series("tierlens_exporter_up{" + T + ", exporter=\"alb\"}", "1x10")
                .series("tierlens_exporter_up{" + T + ", exporter=\"rds\"}", "0x10")
                .series("tierlens_leader{" + T + ", shard=\"0\"}", "1x10")
                // a standby that (against the contract) served an exporter gauge would halve the share
                .series("tierlens_exporter_up{" + STANDBY + ", exporter=\"alb\"}", "0x10")
                .series("tierlens_leader{" + STANDBY + ", shard=\"0\"}", "0x10")
                .expect(exportersUp, "5m", "{}", "0.5"));
        assertPasses(new PromtoolCase()
                // scrapes fail from the third minute: Prometheus writes staleness markers
                .series("tierlens_exporter_up{" + T + ", exporter=\"alb\"}", "1 1 stale")
                .expect(exportersUp, "1m", "{}", "1")
                .expect(exportersUp, "2m", "{}", "0"));
    }

    @Test
    void exporterAndTargetStatusShowNothingForAStandbyAndNoDataWhenTierlensIsGone() throws IOException {
        String status = query("001-system-overview.json", "Target status");
        assertPasses(new PromtoolCase()
                .series("tierlens_target_up{" + T + ", exporter=\"rds\", target=\"1/eu\"}", "1x10")
                .series("tierlens_leader{" + T + ", shard=\"0\"}", "1x10")
                .series("tierlens_target_up{" + STANDBY + ", exporter=\"rds\", target=\"1/eu\"}", "0x10")
                .series("tierlens_leader{" + STANDBY + ", shard=\"0\"}", "0x10")
                .expect(status, "5m", "{exporter=\"rds\", target=\"1/eu\"}", "1"));
        assertPasses(new PromtoolCase()
                .series("tierlens_target_up{" + T + ", exporter=\"rds\", target=\"1/eu\"}", "1 1 stale")
                .expectNothing(status, "2m"));
    }

    @Test
    void failingBatchJobsCountsTierlensCronJobsWithoutAPushgatewayAndEachJobOnce() throws IOException {
        String failing = query("001-system-overview.json", "Failing batch jobs");
        assertPasses(new PromtoolCase()
                .series(
                        "tierlens_job_cronjob_last_job_failed{" + T + ", namespace=\"app\", cronjob=\"db-dump-to-dr\"}",
                        "1x10")
                .series(
                        "tierlens_job_cronjob_last_job_failed{" + T + ", namespace=\"app\", cronjob=\"report\"}",
                        "0x10")
                .expect(failing, "5m", "{}", "1"));
        assertPasses(new PromtoolCase()
                .series("tierlens_job_last_exit_code{job=\"db-dump\", instance=\"db-dump-to-dr\"}", "2x10")
                .series(
                        "tierlens_job_cronjob_last_job_failed{" + T + ", namespace=\"app\", cronjob=\"db-dump-to-dr\"}",
                        "1x10")
                .series(
                        "tierlens_job_cronjob_last_job_failed{" + T + ", namespace=\"app\", cronjob=\"report\"}",
                        "1x10")
                .expect(failing, "5m", "{}", "2"));
        assertPasses(new PromtoolCase()
                // no failure anywhere: 0 while the batch exporter works, NO DATA once tierlens is gone
                .series("tierlens_exporter_up{" + T + ", exporter=\"batch\"}", "1 1 stale")
                .series(
                        "tierlens_job_cronjob_last_job_failed{" + T + ", namespace=\"app\", cronjob=\"report\"}",
                        "0 0 stale")
                .expect(failing, "1m", "{}", "0")
                .expectNothing(failing, "2m"));
    }

    @Test
    void activeSiteShowsOnlyTheSiteServingNowAndWhetherDnsConfirmsIt() throws IOException {
        for (String file : List.of("001-system-overview.json", "006-dr-status.json")) {
            String site = query(file, "Active site");
            assertPasses(new PromtoolCase()
                    .series(
                            "tierlens_dr_active_site{" + T + ", record=\"app.example.com.\", site=\"aws\"}",
                            "1 1 1 0 0 0")
                    .series(
                            "tierlens_dr_active_site{" + T + ", record=\"app.example.com.\", site=\"dr\"}",
                            "0 0 0 1 1 1")
                    .series("tierlens_dr_active_site_confirmed{" + T + ", record=\"app.example.com.\"}", "1 1 1 0 0 1")
                    .expect(site, "1m", "{record=\"app.example.com.\", site=\"aws\"}", "1")
                    .expect(site, "4m", "{record=\"app.example.com.\", site=\"dr\"}", "2")
                    .expect(site, "5m", "{record=\"app.example.com.\", site=\"dr\"}", "1"));
        }
    }

    @Test
    void failedBackupJobsIsZeroOnlyWhileTheBackupExporterWorks() throws IOException {
        String failed = query("001-system-overview.json", "Failed AWS Backup jobs");
        assertPasses(new PromtoolCase()
                .series("tierlens_exporter_up{" + T + ", exporter=\"backup\"}", "1 1 0 0")
                .series("tierlens_backup_jobs{" + T + ", state=\"completed\"}", "3x3")
                .expect(failed, "1m", "{}", "0")
                .expectNothing(failed, "3m"));
    }

    @Test
    void wasTargetsUpIsZeroWhenEveryWasPodDied() throws IOException {
        String wasUp = query("001-system-overview.json", "WAS targets up");
        assertPasses(new PromtoolCase()
                .series("up{job=\"was\", instance=\"10.0.0.1:8080\"}", "1 1 0 0 0 0")
                .series("up{job=\"was\", instance=\"10.0.0.2:8080\"}", "1 1 1 0 0 0")
                .series("jvm_threads_live_threads{job=\"was\", instance=\"10.0.0.1:8080\"}", "40 40 stale")
                .series("jvm_threads_live_threads{job=\"was\", instance=\"10.0.0.2:8080\"}", "40 40 40 stale")
                .series("up{job=\"tierlens\", instance=\"tierlens-0:9400\"}", "1x5")
                .expect(wasUp, "2m", "{job=\"was\"}", "0.5")
                .expect(wasUp, "5m", "{job=\"was\"}", "0"));
    }

    @Test
    void rolloutPhaseShowsTheWorstPhaseAndHpasAtTheirMaximumAreCounted() throws IOException {
        String phase = query("001-system-overview.json", "WAS rollout phase");
        String atMax = query("001-system-overview.json", "HPAs at their maximum");
        String argo = "job=\"argo-rollouts\", instance=\"10.0.9.9:8090\", namespace=\"shop\", name=\"shop-was\"";
        String ksm = "job=\"kube-state-metrics\", instance=\"10.0.9.8:8080\", namespace=\"shop\"";
        assertPasses(new PromtoolCase()
                .series("rollout_info{" + argo + ", strategy=\"Canary\", phase=\"Healthy\"}", "1 1 stale")
                .series("rollout_info{" + argo + ", strategy=\"Canary\", phase=\"Paused\"}", "_ 1 1")
                .series(
                        "kube_horizontalpodautoscaler_status_current_replicas{" + ksm
                                + ", horizontalpodautoscaler=\"shop-was\"}",
                        "2 10 10")
                .series(
                        "kube_horizontalpodautoscaler_spec_max_replicas{" + ksm
                                + ", horizontalpodautoscaler=\"shop-was\"}",
                        "10 10 10")
                .series(
                        "kube_horizontalpodautoscaler_status_current_replicas{" + ksm
                                + ", horizontalpodautoscaler=\"shop-web\"}",
                        "2 2 2")
                .series(
                        "kube_horizontalpodautoscaler_spec_max_replicas{" + ksm
                                + ", horizontalpodautoscaler=\"shop-web\"}",
                        "5 5 5")
                .expect(phase, "0m", "{name=\"shop-was\"}", "1")
                .expect(phase, "1m", "{name=\"shop-was\"}", "3")
                .expect(atMax, "0m", "{}", "0")
                .expect(atMax, "1m", "{}", "1"));
    }

    @Test
    void leadersPerShardCountsTheReplicasThatLead() throws IOException {
        String leaders = query("001-system-overview.json", "Leaders per shard");
        assertPasses(new PromtoolCase()
                .series("tierlens_leader{" + T + ", shard=\"0\"}", "1 0 0")
                .series("tierlens_leader{" + STANDBY + ", shard=\"0\"}", "0 0 1")
                .expect(leaders, "0m", "{shard=\"0\"}", "1")
                .expect(leaders, "1m", "{shard=\"0\"}", "0")
                .expect(leaders, "2m", "{shard=\"0\"}", "1"));
    }

    @Test
    void aWrongExpectationFails() throws IOException {
        Tool.Result result = new PromtoolCase()
                .series("tierlens_exporter_up{" + T + ", exporter=\"alb\"}", "1x10")
                .expect(query("001-system-overview.json", "Exporters up"), "5m", "{}", "0.5")
                .run(work);
        assertThat(result.ok()).as(result.output()).isFalse();
    }

    private void assertPasses(PromtoolCase c) throws IOException {
        Tool.Result result = c.run(work);
        assertThat(result.ok()).as("promtool test rules:\n%s", result.output()).isTrue();
    }

    private String query(String file, String title) {
        List<PanelQuery> found = DashboardFiles.queries(root).stream()
                .filter(q -> q.file().equals(file) && q.panelTitle().equals(title))
                .toList();
        assertThat(found).as("%s › %s", file, title).hasSize(1);
        return found.get(0).expanded();
    }

    /** One promtool unit test: input series every minute, and expected results of expressions. */
    private static final class PromtoolCase {
        private final StringBuilder series = new StringBuilder();
        private final StringBuilder tests = new StringBuilder();

        PromtoolCase series(String name, String values) {
            series.append("      - series: ").append(quote(name)).append('\n');
            series.append("        values: ").append(quote(values)).append('\n');
            return this;
        }

        PromtoolCase expect(String expr, String at, String labels, String value) {
            tests.append("      - expr: ").append(quote(expr)).append('\n');
            tests.append("        eval_time: ").append(at).append('\n');
            tests.append("        exp_samples:\n");
            tests.append("          - labels: ").append(quote(labels)).append('\n');
            tests.append("            value: ").append(value).append('\n');
            return this;
        }

        PromtoolCase expectNothing(String expr, String at) {
            tests.append("      - expr: ").append(quote(expr)).append('\n');
            tests.append("        eval_time: ").append(at).append('\n');
            tests.append("        exp_samples: []\n");
            return this;
        }

        Tool.Result run(Path work) throws IOException {
            String yaml = "rule_files: []\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n"
                    + series + "    promql_expr_test:\n" + tests;
            Files.writeString(work.resolve("panels.test.yaml"), yaml);
            return Tool.PROMTOOL.run(work, "test", "rules", "panels.test.yaml");
        }

        private static String quote(String s) {
            return "'" + s.replace("'", "''") + "'";
        }
    }
}
