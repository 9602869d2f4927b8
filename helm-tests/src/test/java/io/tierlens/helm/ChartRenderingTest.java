package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint} and {@code helm template} of the default values and of every ci/*-values.yaml scenario. */
class ChartRenderingTest {
    private final Chart chart = Chart.repository();

    /** "defaults" plus every scenario file, so a new ci/*-values.yaml is tested without touching this class. */
    static Stream<Arguments> scenarios() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("defaults", null));
        for (Path f : RepoLayout.files(RepoLayout.chart().resolve("ci"), "-values.yaml")) {
            out.add(Arguments.of(f.getFileName().toString(), f));
        }
        return out.stream();
    }

    @Test
    void theScenariosAreThere() {
        assertThat(scenarios().map(a -> a.get()[0]))
                .contains(
                        "default-values.yaml",
                        "irsa-multi-deployment-values.yaml",
                        "session-with-secret-values.yaml",
                        "karpenter-rbac-values.yaml",
                        "no-prometheus-operator-values.yaml");
    }

    @Test
    void theRepositoryChartLintsStrictly() {
        LintResult result = chart.lint();
        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lintsStrictlyWithTheScenario(String name, Path values, @TempDir Path temp) throws IOException {
        JsonNode overrides =
                values == null ? Manifests.YAML.createObjectNode() : Manifests.YAML.readTree(values.toFile());
        Path staged = ChartFixtures.stage(temp, RepoLayout.alerts(), RepoLayout.dashboards(), overrides);
        LintResult result = new Chart(staged).lint();
        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void rendersTypedObjectsWithoutUnknownFields(String name, Path values) throws IOException {
        // Manifests.parse fails on an untyped object or a field its type does not have.
        Manifests plain = chart.template(values == null ? List.of() : List.of(values));
        String namespace = values == null
                ? Chart.NAMESPACE
                : Manifests.YAML
                        .readTree(values.toFile())
                        .path("namespaceOverride")
                        .asText(Chart.NAMESPACE);
        assertThat(plain.resources()).isNotEmpty();
        assertThat(plain.all(ServiceMonitor.class))
                .as("no ServiceMonitor without monitoring.coreos.com/v1")
                .isEmpty();
        assertThat(plain.all(PrometheusRule.class)).isEmpty();
        for (HasMetadata r : plain.resources()) {
            assertThat(r.getMetadata().getLabels())
                    .as("%s %s", r.getKind(), r.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                    .containsEntry("app.kubernetes.io/part-of", "tierlens");
            if (r instanceof Namespaced) {
                assertThat(r.getMetadata().getNamespace())
                        .as("%s %s", r.getKind(), r.getMetadata().getName())
                        .isEqualTo(namespace);
            }
        }

        Manifests withOperator = chart.template(values == null ? List.of() : List.of(values), Chart.OPERATOR);
        assertThat(withOperator.all(ServiceMonitor.class)).hasSize(1);
    }
}
