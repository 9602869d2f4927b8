package io.tierlens.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart directory driven through helm-java (the Helm library, embedded; nothing is downloaded). Release "shop" in
 * namespace "monitoring", so names are {@code shop-tierlens...}.
 */
final class Chart {
    static final String RELEASE = "shop";
    static final String NAMESPACE = "monitoring";
    static final String FULLNAME = "shop-tierlens";
    /** helm-java's template defaults to Kubernetes v1.20, below the chart's kubeVersion; EKS runs 1.29+. */
    static final String KUBE_VERSION = "v1.31.0";
    /**
     * helm-java 0.0.21 cannot pass {@code --api-versions}, so tests that need the ServiceMonitor and PrometheusRules
     * set the chart's own switch for pipelines that render without a cluster.
     */
    static final String OPERATOR = "prometheusOperator: {assumeInstalled: true}";

    private final Path dir;

    Chart(Path dir) {
        this.dir = dir;
    }

    static Chart repository() {
        return new Chart(RepoLayout.chart());
    }

    Path dir() {
        return dir;
    }

    LintResult lint() {
        return new Helm(dir).lint().strict().call();
    }

    /** Renders with the values files in order, then each YAML snippet in order (later ones win). */
    Manifests template(List<Path> valuesFiles, String... yamlOverrides) {
        return Manifests.parse(render(valuesFiles, yamlOverrides));
    }

    Manifests template(String... yamlOverrides) {
        return template(List.of(), yamlOverrides);
    }

    /** The raw output; throws IllegalStateException with Helm's message when rendering fails. */
    String render(List<Path> valuesFiles, String... yamlOverrides) {
        return render(RELEASE, valuesFiles, yamlOverrides);
    }

    /** As {@link #render(List, String...)} under another release name. */
    String render(String release, List<Path> valuesFiles, String... yamlOverrides) {
        TemplateCommand command = new Helm(dir)
                .template()
                .withName(release)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path f : valuesFiles) {
            command = command.withValuesFile(f);
        }
        List<Path> temporary = new ArrayList<>();
        try {
            for (String yaml : yamlOverrides) {
                Path f = Files.createTempFile("values-", ".yaml");
                temporary.add(f);
                Files.writeString(f, yaml);
                command = command.withValuesFile(f);
            }
            return command.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            temporary.forEach(f -> f.toFile().delete());
        }
    }
}
