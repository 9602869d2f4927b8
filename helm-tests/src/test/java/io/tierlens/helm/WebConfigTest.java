package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web configuration file (TLS, basic auth) from a Secret, and a ServiceMonitor that can scrape through it. */
class WebConfigTest {
    private final Chart chart = Chart.repository();

    @Test
    void theHelmTestPodCallsReadyOverHttps(@TempDir Path temp) {
        Chart withHooks = new Chart(ChartFixtures.stageWithHooksAsManifests(temp));
        Manifests m = withHooks.template(List.of(DeploymentTest.scenario("web-config-tls-basic-auth-values.yaml")));

        assertThat(m.only(Pod.class).getSpec().getContainers().get(0).getArgs())
                .contains("--insecure")
                .contains("https://shop-tierlens:9469/-/ready");
    }

    @Test
    void byDefaultThePortIsPlainHttpWithoutAWebConfig() {
        Manifests m = chart.template(Chart.OPERATOR);
        Container c = DeploymentTest.container(m.only(Deployment.class));

        assertThat(c.getArgs()).doesNotContain("--web-config-file");
        assertThat(c.getLivenessProbe().getHttpGet().getScheme()).isNull();
        assertThat(m.only(ServiceMonitor.class).getSpec().getEndpoints().get(0).getScheme())
                .isEqualTo("http");
    }

    @Test
    void secretIsMountedAndPassedAndProbesAndScrapesUseHttps() {
        Manifests m = chart.template(
                List.of(DeploymentTest.scenario("web-config-tls-basic-auth-values.yaml")), Chart.OPERATOR);
        Deployment d = m.only(Deployment.class);
        Container c = DeploymentTest.container(d);

        assertThat(c.getArgs()).containsSequence("--web-config-file", "/etc/tierlens/web/web-config.yml");
        assertThat(c.getVolumeMounts()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("web-config");
            assertThat(v.getMountPath()).isEqualTo("/etc/tierlens/web");
            assertThat(v.getReadOnly()).isTrue();
        });
        assertThat(d.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getSecret() != null)
                .singleElement()
                .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("tierlens-web"));
        assertThat(List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe()))
                .allSatisfy(p -> assertThat(p.getHttpGet().getScheme()).isEqualTo("HTTPS"));

        Endpoint e = m.only(ServiceMonitor.class).getSpec().getEndpoints().get(0);
        assertThat(e.getScheme()).isEqualTo("https");
        assertThat(e.getTlsConfig().getCa().getSecret().getName()).isEqualTo("tierlens-web");
        assertThat(e.getBasicAuth().getPassword().getName()).isEqualTo("tierlens-scrape");
    }
}
