package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ServiceMonitor, PrometheusRules from alerts/, dashboard ConfigMaps from dashboards/, the Alertmanager Secret. */
class MonitoringTest {
    private static final String RELEASE_LABEL = """
            serviceMonitor: {additionalLabels: {release: kube-prometheus-stack}}
            prometheusRule: {additionalLabels: {release: kube-prometheus-stack}}
            """;

    private final Chart chart = Chart.repository();

    @Test
    void withoutTheOperatorsApiThereIsNoServiceMonitorOrRule(@TempDir Path temp) {
        Manifests m = ChartFixtures.withContent(temp).chart().template();
        assertThat(m.all(ServiceMonitor.class)).isEmpty();
        assertThat(m.all(PrometheusRule.class)).isEmpty();
    }

    @Test
    void theServiceMonitorScrapesEveryServiceOfTheReleaseAsJobTierlens() {
        Manifests m = chart.template(
                List.of(DeploymentTest.scenario("irsa-multi-deployment-values.yaml")), Chart.OPERATOR, RELEASE_LABEL);
        ServiceMonitor sm = m.only(ServiceMonitor.class);
        assertThat(sm.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(sm.getSpec().getJobLabel()).isEqualTo("app.kubernetes.io/name");
        assertThat(sm.getSpec().getNamespaceSelector().getMatchNames()).containsExactly(Chart.NAMESPACE);
        Map<String, String> selector = sm.getSpec().getSelector().getMatchLabels();
        List<Service> services = m.all(Service.class);
        assertThat(services).hasSize(3);
        for (Service s : services) {
            assertThat(s.getMetadata().getLabels()).containsAllEntriesOf(selector);
            assertThat(s.getMetadata().getLabels()).containsEntry(sm.getSpec().getJobLabel(), "tierlens");
            assertThat(s.getSpec().getPorts()).extracting(p -> p.getName()).contains("metrics");
        }
        Endpoint e = sm.getSpec().getEndpoints().get(0);
        assertThat(e.getPort()).isEqualTo("metrics");
        assertThat(e.getPath()).isEqualTo("/metrics");
        assertThat(e.getInterval()).isEqualTo("30s");
        assertThat(e.getScrapeTimeout()).isEqualTo("10s");
    }

    @Test
    void serviceMonitorEnabledFalseRendersNone() {
        assertThat(chart.template(Chart.OPERATOR, "serviceMonitor: {enabled: false}")
                        .all(ServiceMonitor.class))
                .isEmpty();
    }

    @Test
    void eachRuleFileBecomesOnePrometheusRuleWithTheFilesGroupsUnchanged(@TempDir Path temp) throws IOException {
        ChartFixtures.ContentChart content = ChartFixtures.withContent(temp);
        Manifests m = content.chart().template(Chart.OPERATOR, RELEASE_LABEL);
        List<Path> files = RepoLayout.files(content.alerts(), ".rules.yaml");
        assertThat(files).isNotEmpty();
        assertThat(m.all(PrometheusRule.class)).hasSameSizeAs(files);
        for (Path file : files) {
            String area = file.getFileName().toString().replace(".rules.yaml", "");
            String name = Chart.FULLNAME + "-" + area;
            PrometheusRule rule = m.one(PrometheusRule.class, name);
            assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
            assertThat(rule.getMetadata().getAnnotations())
                    .containsEntry("tierlens.io/source", "alerts/" + file.getFileName());
            // The rendered spec is the file, value for value (Prometheus templates like {{ $labels.x }} included).
            JsonNode expected = Manifests.YAML.readTree(file.toFile());
            assertThat(m.document("PrometheusRule", name).path("spec")).isEqualTo(expected);
            assertThat(rule.getSpec().getGroups())
                    .hasSize(expected.path("groups").size());
        }
    }

    @Test
    void excludedAreasAreLeftOut(@TempDir Path temp) {
        ChartFixtures.ContentChart content = ChartFixtures.withContent(temp);
        Path first = RepoLayout.files(content.alerts(), ".rules.yaml").get(0);
        String area = first.getFileName().toString().replace(".rules.yaml", "");
        Manifests m = content.chart().template(Chart.OPERATOR, "prometheusRule: {exclude: [" + area + "]}");
        assertThat(m.names(PrometheusRule.class))
                .hasSize(RepoLayout.files(content.alerts(), ".rules.yaml").size() - 1)
                .doesNotContain(Chart.FULLNAME + "-" + area);
    }

    @Test
    void eachDashboardBecomesOneLabelledConfigMapHoldingTheFileUnchanged(@TempDir Path temp) throws IOException {
        ChartFixtures.ContentChart content = ChartFixtures.withContent(temp);
        Manifests m = content.chart().template("dashboards: {folder: Tierlens EKS}");
        List<Path> files = RepoLayout.files(content.dashboards(), ".json");
        assertThat(files).isNotEmpty();
        List<ConfigMap> maps = m.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getLabels().containsKey("grafana_dashboard"))
                .toList();
        assertThat(maps).hasSameSizeAs(files);
        Map<String, ConfigMap> byFile = maps.stream()
                .collect(Collectors.toMap(c -> c.getData().keySet().iterator().next(), Function.identity()));
        for (Path file : files) {
            String key = file.getFileName().toString();
            ConfigMap cm = byFile.get(key);
            assertThat(cm).as("ConfigMap for %s", key).isNotNull();
            assertThat(cm.getData()).containsOnlyKeys(key);
            assertThat(cm.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
            assertThat(cm.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Tierlens EKS");
            assertThat(cm.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
            JsonNode rendered = Manifests.JSON.readTree(cm.getData().get(key));
            assertThat(rendered)
                    .as("%s is valid JSON equal to the file", key)
                    .isEqualTo(Manifests.JSON.readTree(file.toFile()));
            assertThat(cm.getData().get(key)).isEqualTo(RepoLayout.read(file).strip());
        }
    }

    @Test
    void theRepositoryShipsTheNineDashboards() {
        List<String> numbers = RepoLayout.files(RepoLayout.dashboards(), ".json").stream()
                .map(p -> p.getFileName().toString().substring(0, 3))
                .toList();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                !numbers.isEmpty(), "dashboards/ has no dashboards yet (this branch renders the test fixtures)");
        assertThat(numbers).containsExactlyInAnyOrder("001", "002", "003", "004", "005", "006", "007", "009", "010");
    }

    @Test
    void dashboardLabelFolderAndNamespaceFollowTheSidecarSettings(@TempDir Path temp) {
        Manifests m = ChartFixtures.withContent(temp).chart().template("""
                        dashboards:
                          label: grafana_dashboard_tierlens
                          labelValue: "yes"
                          folderAnnotation: k8s-sidecar-target-directory
                          folder: /tmp/dashboards/tierlens
                          namespace: grafana
                        """);
        List<ConfigMap> maps = m.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getLabels().containsKey("grafana_dashboard_tierlens"))
                .toList();
        assertThat(maps).isNotEmpty().allSatisfy(c -> {
            assertThat(c.getMetadata().getLabels()).containsEntry("grafana_dashboard_tierlens", "yes");
            assertThat(c.getMetadata().getAnnotations())
                    .containsEntry("k8s-sidecar-target-directory", "/tmp/dashboards/tierlens");
            assertThat(c.getMetadata().getNamespace()).isEqualTo("grafana");
        });
        assertThat(ChartFixtures.withContent(temp.resolve("off"))
                        .chart()
                        .template("dashboards: {enabled: false}")
                        .all(ConfigMap.class))
                .noneMatch(c -> c.getMetadata().getName().contains("-dashboard-"));
    }

    @Test
    void theAlertmanagerSecretIsTheExampleFileWithTheOverridesMergedOver(@TempDir Path temp) throws IOException {
        ChartFixtures.ContentChart content = ChartFixtures.withContent(temp);
        Path file = content.alerts().resolve("alertmanager.yaml");
        Manifests m = content.chart().template("""
                        alertmanagerConfig:
                          enabled: true
                          namespace: monitoring
                          override:
                            global: {resolve_timeout: 5m}
                            receivers:
                              - name: real-pager
                        """);
        Secret secret = m.only(Secret.class);
        assertThat(secret.getMetadata().getName()).isEqualTo(Chart.FULLNAME + "-alertmanager");
        JsonNode rendered = Manifests.YAML.readTree(secret.getStringData().get("alertmanager.yaml"));
        JsonNode expected = Manifests.YAML.readTree(file.toFile());
        assertThat(rendered.get("route")).isEqualTo(expected.get("route"));
        assertThat(rendered.get("inhibit_rules")).isEqualTo(expected.get("inhibit_rules"));
        assertThat(rendered.at("/global/resolve_timeout").asText()).isEqualTo("5m");
        assertThat(rendered.get("receivers")).hasSize(1);
        assertThat(rendered.at("/receivers/0/name").asText()).isEqualTo("real-pager");
    }

    @Test
    void theAlertmanagerSecretNeedsTheExampleFile(@TempDir Path temp) {
        Path noAlertmanager = temp.resolve("alerts");
        Path chartDir =
                ChartFixtures.stage(temp.resolve("stage"), emptyDir(noAlertmanager), ChartFixtures.dashboards(), null);
        assertThatThrownBy(() -> new Chart(chartDir).template("alertmanagerConfig: {enabled: true}"))
                .hasMessageContaining("alerts/alertmanager.yaml is missing");
    }

    private static Path emptyDir(Path dir) {
        assertThat(dir.toFile().mkdirs()).isTrue();
        return dir;
    }
}
