package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The values users of prometheus-community exporter charts expect, each rendered from its ci scenario. */
class ExtensionPointsTest {
    private final Chart chart = Chart.repository();

    @Test
    void theExtensionPointsScenarioReachesEveryObjectAndThePod() {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("extension-points-values.yaml")));
        for (HasMetadata r : m.resources()) {
            assertThat(r.getMetadata().getLabels())
                    .as("%s %s", r.getKind(), r.getMetadata().getName())
                    .containsEntry("team", "sre")
                    .containsEntry("cost-center", "4711");
            if (r instanceof Namespaced) {
                assertThat(r.getMetadata().getNamespace()).isEqualTo("observability");
            }
        }

        Deployment d = m.only(Deployment.class);
        assertThat(d.getMetadata().getLabels()).containsEntry("tier", "monitoring");
        assertThat(d.getMetadata().getAnnotations()).containsEntry("reloader.stakater.com/auto", "true");
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(20L);
        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("wait-for-dns");
        assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("tierlens", "config-reloader");
        assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getName()).isEqualTo("ca-bundle"));
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("team", "sre");

        Container c = pod.getContainers().get(0);
        // image.registry wins over global.imageRegistry
        assertThat(c.getImage()).isEqualTo("111122223333.dkr.ecr.ap-northeast-2.amazonaws.com/tierlens:0.1.0");
        assertThat(c.getArgs()).endsWith("--log-level=info");
        assertThat(c.getEnv()).extracting(EnvVar::getName).contains("POD_NAME", "REDIS_PASSWORD");
        assertThat(c.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains("/etc/ssl/corporate");

        Service svc = m.only(Service.class);
        assertThat(svc.getMetadata().getLabels()).containsEntry("exposed-by", "tierlens");
        assertThat(svc.getMetadata().getAnnotations())
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-internal", "true");
    }

    @Test
    void theTestPodCanBeSwitchedOff(@TempDir Path temp) {
        // helm template leaves hooks out; the staged chart renders them as plain manifests
        Chart withHooks = new Chart(ChartFixtures.stageWithHooksAsManifests(temp));
        assertThat(withHooks.template().all(Pod.class)).hasSize(1);
        assertThat(withHooks.template("tests: {enabled: false}").all(Pod.class)).isEmpty();
    }

    @Test
    void theGlobalRegistryAppliesWhenTheImageHasNone(@TempDir Path temp) {
        Chart withHooks = new Chart(ChartFixtures.stageWithHooksAsManifests(temp));
        Manifests m = withHooks.template("global: {imageRegistry: mirror.example.com}");
        assertThat(m.only(Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("mirror.example.com/tierlens:0.1.0");
        assertThat(m.only(Pod.class).getSpec().getContainers().get(0).getImage())
                .startsWith("mirror.example.com/curlimages/curl:");
    }

    @Test
    void theMonitoringExtrasScenarioPlacesAndLabelsTheOperatorObjects() throws IOException {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("monitoring-extras-values.yaml")), Chart.OPERATOR);
        ServiceMonitor sm = m.only(ServiceMonitor.class);
        assertThat(sm.getMetadata().getNamespace()).isEqualTo("prometheus");
        assertThat(sm.getMetadata().getAnnotations()).containsEntry("owner", "sre");
        // it still selects the Services in the release namespace
        assertThat(sm.getSpec().getNamespaceSelector().getMatchNames()).containsExactly(Chart.NAMESPACE);
        assertThat(sm.getSpec().getTargetLabels()).containsExactly("app.kubernetes.io/component");
        assertThat(sm.getSpec().getEndpoints().get(0).getHonorLabels()).isTrue();

        List<PrometheusRule> rules = m.all(PrometheusRule.class);
        assertThat(rules)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).isEqualTo("prometheus"));
        List<Rule> alerts = rules.stream()
                .flatMap(r -> r.getSpec().getGroups().stream())
                .flatMap(g -> g.getRules().stream())
                .filter(r -> r.getAlert() != null)
                .toList();
        assertThat(alerts).anySatisfy(r -> assertThat(r.getAlert()).isEqualTo("ShopCheckoutSlow"));
        assertThat(alerts)
                .filteredOn(
                        r -> r.getAnnotations() != null && r.getAnnotations().containsKey("runbook_url"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getAnnotations().get("runbook_url"))
                        .startsWith("https://wiki.example.com/tierlens/runbooks#"));

        for (ConfigMap cm : m.all(ConfigMap.class)) {
            if (!cm.getMetadata().getLabels().containsKey("grafana_dashboard")) {
                continue;
            }
            String json = cm.getData().values().iterator().next();
            JsonNode dashboard = Manifests.JSON.readTree(json);
            assertThat(dashboard.path("uid").asText()).startsWith("shop-prod-").hasSizeLessThanOrEqualTo(40);
            assertThat(json).doesNotContain("/d/tierlens-");
        }
    }

    @Test
    void defaultRunbookLinksAndUidsAreTheRepositorysOwn() throws IOException {
        Manifests m = chart.template(Chart.OPERATOR);
        assertThat(m.text()).contains("https://github.com/tierlens/tierlens/blob/main/alerts/runbooks.md#");
        for (ConfigMap cm : m.all(ConfigMap.class)) {
            if (cm.getMetadata().getLabels().containsKey("grafana_dashboard")) {
                JsonNode dashboard =
                        Manifests.JSON.readTree(cm.getData().values().iterator().next());
                assertThat(dashboard.path("uid").asText()).startsWith("tierlens-");
            }
        }
    }
}
