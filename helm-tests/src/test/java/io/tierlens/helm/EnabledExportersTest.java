package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.tierlens.app.TierlensCli;
import io.tierlens.core.config.TierlensConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * One source of truth for what runs: for every ci scenario, the app's own {@code check-config} on each rendered
 * ConfigMap decides which exporters are enabled, and the pod annotation, the ClusterRole and NOTES must say the
 * same. A chart default that drifts from the app's (dr and batch were "on" in the chart, off in the app) fails here.
 */
class EnabledExportersTest {
    /** What each Kubernetes-reading exporter's code does: "apiGroup/resource" → verbs (see the exporters' clients). */
    static final Map<String, Map<String, Set<String>>> ACCESS = Map.of(
            "karpenter", karpenterWatch(),
            "cost", karpenterWatch(),
            "batch", Map.of("batch/cronjobs", Set.of("list"), "batch/jobs", Set.of("list")));

    private static Map<String, Set<String>> karpenterWatch() {
        Set<String> informer = Set.of("list", "watch");
        return Map.of(
                "/nodes", informer,
                "/pods", informer,
                "karpenter.sh/nodepools", informer,
                "karpenter.sh/nodeclaims", informer);
    }

    private static final Pattern ENABLED = Pattern.compile("(?m)^  exporter (\\w+): enabled");

    private final Chart chart = Chart.repository();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tierlens.helm.ChartRenderingTest#scenarios")
    void rbacAnnotationsAndNotesAgreeWithCheckConfig(String name, Path values, @TempDir Path temp) throws IOException {
        List<Path> files = values == null ? List.of() : List.of(values);
        Manifests m = chart.template(files);
        String notes = NotesTest.notes(RepoLayout.chart(), files, "{}");
        Map<String, ClusterRole> roles = new LinkedHashMap<>();
        m.all(ClusterRole.class).forEach(r -> roles.put(r.getMetadata().getName(), r));
        List<HasMetadata> workloads = new ArrayList<>(m.all(Deployment.class));
        workloads.addAll(m.all(StatefulSet.class));
        assertThat(workloads).isNotEmpty();
        for (HasMetadata w : workloads) {
            String workload = w.getMetadata().getName();
            PodTemplateSpec pod = w instanceof Deployment d
                    ? d.getSpec().getTemplate()
                    : ((StatefulSet) w).getSpec().getTemplate();
            String configMap = pod.getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals("config"))
                    .findFirst()
                    .orElseThrow()
                    .getConfigMap()
                    .getName();
            String yaml = m.one(ConfigMap.class, configMap).getData().get("config.yaml");
            assumeAppKnows(yaml);
            List<String> enabled = checkConfig(yaml, temp.resolve(workload + ".yaml"));

            String annotation = pod.getMetadata().getAnnotations().get("tierlens.io/exporters");
            List<String> annotated = annotation.isEmpty() ? List.of() : Arrays.asList(annotation.split(","));
            assertThat(annotated)
                    .as("%s: pod annotation vs check-config", workload)
                    .containsExactlyInAnyOrderElementsOf(enabled);
            assertThat(notes)
                    .as("%s: NOTES vs check-config", workload)
                    .contains(workload + ": "
                            + (annotated.isEmpty() ? "no exporter enabled" : String.join(", ", annotated)));
            Map<String, Set<String>> expected = expectedAccess(enabled);
            // the ClusterRole bound to this workload's ServiceAccount
            String serviceAccount = pod.getSpec().getServiceAccountName();
            ClusterRole role = m.all(ClusterRoleBinding.class).stream()
                    .filter(b ->
                            b.getSubjects().stream().anyMatch(s -> s.getName().equals(serviceAccount)))
                    .map(b -> roles.get(b.getRoleRef().getName()))
                    .findFirst()
                    .orElse(null);
            if (expected.isEmpty()) {
                assertThat(role)
                        .as("%s runs no Kubernetes-reading exporter", workload)
                        .isNull();
            } else {
                assertThat(role).as("%s: ClusterRole", workload).isNotNull();
                assertThat(grants(role))
                        .as("%s: ClusterRole vs %s", workload, enabled)
                        .isEqualTo(expected);
            }
        }
    }

    /** The configs of ha and sharded modes carry the ha/sharding sections that the app's HA work adds. */
    private static void assumeAppKnows(String yaml) throws IOException {
        JsonNode config = Manifests.YAML.readTree(yaml);
        Set<String> known = new TreeSet<>();
        for (var c : TierlensConfig.class.getRecordComponents()) {
            known.add(c.getName());
        }
        for (String section : List.of("ha", "sharding")) {
            assumeTrue(
                    !config.has(section) || known.contains(section),
                    "this build's config has no '" + section + "' section yet (issue 17's Java side)");
        }
    }

    static Map<String, Set<String>> expectedAccess(List<String> enabled) {
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        for (String exporter : enabled) {
            ACCESS.getOrDefault(exporter, Map.of())
                    .forEach((resource, verbs) ->
                            out.computeIfAbsent(resource, k -> new TreeSet<>()).addAll(verbs));
        }
        return out;
    }

    /** "apiGroup/resource" → verbs the role grants; fails on resource names, URLs and wildcards. */
    static Map<String, Set<String>> grants(ClusterRole role) {
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        for (PolicyRule r : role.getRules()) {
            assertThat(r.getResourceNames()).isNullOrEmpty();
            assertThat(r.getNonResourceURLs()).isNullOrEmpty();
            assertThat(r.getVerbs()).doesNotContain("*", "get");
            for (String g : r.getApiGroups()) {
                for (String res : r.getResources()) {
                    out.computeIfAbsent(g + "/" + res, k -> new TreeSet<>()).addAll(r.getVerbs());
                }
            }
        }
        return out;
    }

    /** The enabled exporters, in the app's order, as {@code tierlens check-config} reports them. */
    static List<String> checkConfig(String yaml, Path file) throws IOException {
        Files.writeString(file, yaml);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TierlensCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("check-config", file.toString());
        assertThat(code)
                .as("check-config of the rendered config:\n%s\n%s", yaml, err)
                .isZero();
        List<String> enabled = new ArrayList<>();
        Matcher matcher = ENABLED.matcher(out.toString());
        while (matcher.find()) {
            enabled.add(matcher.group(1));
        }
        return enabled;
    }
}
