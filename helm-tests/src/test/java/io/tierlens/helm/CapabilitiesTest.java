package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code .Capabilities.APIVersions.Has "monitoring.coreos.com/v1"} guard (helm-java's template cannot pass
 * --api-versions): a dry-run install against {@link FakeKubernetesApi}, whose discovery does or does not list the
 * Prometheus Operator's API. Helm does not return a dry run's manifest, but before installing it looks up every
 * rendered object to refuse overwriting one it does not own, so the lookups show what was rendered; NOTES.txt, which
 * uses the same guard, says it too.
 */
class CapabilitiesTest {
    private static final String SERVICE_MONITOR =
            "GET /apis/monitoring.coreos.com/v1/namespaces/monitoring/" + "servicemonitors/" + Chart.FULLNAME;

    private static Release dryRunInstall(Path chart, FakeKubernetesApi api) {
        return new Helm(chart)
                .install()
                .withName(Chart.RELEASE)
                .withNamespace(Chart.NAMESPACE)
                .withKubeConfigContents(api.kubeconfig())
                .disableOpenApiValidation()
                .dryRun()
                .call();
    }

    @Test
    void aClusterWithThePrometheusOperatorGetsTheServiceMonitorAndRules(@TempDir Path temp) throws IOException {
        ChartFixtures.ContentChart content = ChartFixtures.withContent(temp);
        try (FakeKubernetesApi api = new FakeKubernetesApi(true)) {
            Release release = dryRunInstall(content.chart().dir(), api);
            List<String> requests = api.requests();
            assertThat(requests).contains(SERVICE_MONITOR);
            for (Path rules : RepoLayout.files(content.alerts(), ".rules.yaml")) {
                String area = rules.getFileName().toString().replace(".rules.yaml", "");
                assertThat(requests)
                        .contains("GET /apis/monitoring.coreos.com/v1/namespaces/monitoring/prometheusrules/"
                                + Chart.FULLNAME + "-" + area);
            }
            assertThat(requests).allMatch(r -> r.startsWith("GET "), "a dry run only reads");
            assertThat(release.getOutput())
                    .contains("ServiceMonitor shop-tierlens with labels")
                    .doesNotContain("does not serve monitoring.coreos.com/v1");
        }
    }

    @Test
    void aClusterWithoutItGetsNeither(@TempDir Path temp) throws IOException {
        try (FakeKubernetesApi api = new FakeKubernetesApi(false)) {
            Release release =
                    dryRunInstall(ChartFixtures.withContent(temp).chart().dir(), api);
            assertThat(api.requests())
                    .contains("GET /apis/apps/v1/namespaces/monitoring/deployments/" + Chart.FULLNAME)
                    .noneMatch(r -> r.contains("monitoring.coreos.com/v1/"));
            assertThat(release.getOutput())
                    .contains("does not serve monitoring.coreos.com/v1, so no ServiceMonitor or PrometheusRule");
        }
    }
}
