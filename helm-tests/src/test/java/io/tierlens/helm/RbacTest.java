package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** RBAC is exactly what the Kubernetes-reading exporters need, and only while they run. */
class RbacTest {
    private static final String AWS_ONLY = """
            config:
              exporters:
                karpenter: {enabled: false}
                cost: {enabled: false}
                batch: {enabled: false}
            """;

    private final Chart chart = Chart.repository();

    /**
     * apiGroup → resources, checking on the way that every rule only lists or watches (no get: the code never
     * reads one object by name) and names no resource instances.
     */
    static Map<String, TreeSet<String>> access(ClusterRole role) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (PolicyRule r : role.getRules()) {
            assertThat(r.getVerbs()).isNotEmpty().isSubsetOf("list", "watch");
            assertThat(r.getResourceNames()).isNullOrEmpty();
            assertThat(r.getNonResourceURLs()).isNullOrEmpty();
            for (String g : r.getApiGroups()) {
                out.computeIfAbsent(g, k -> new TreeSet<>()).addAll(r.getResources());
            }
        }
        return out;
    }

    @Test
    void defaultsGrantTheKarpenterWatchOnlyBecauseBatchIsOffByDefault() {
        Manifests m = chart.template();
        ClusterRole role = m.only(ClusterRole.class);
        assertThat(access(role))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "", new TreeSet<>(List.of("nodes", "pods")),
                        "karpenter.sh", new TreeSet<>(List.of("nodeclaims", "nodepools"))));

        ClusterRoleBinding binding = m.only(ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName())
                    .isEqualTo(m.only(ServiceAccount.class).getMetadata().getName());
            assertThat(s.getNamespace()).isEqualTo(Chart.NAMESPACE);
        });
        assertThat(m.only(Deployment.class).getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
                .isTrue();
    }

    @Test
    void theKarpenterScenarioGrantsWhatKarpenterAndBatchRead() {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("karpenter-rbac-values.yaml")));
        assertThat(access(m.only(ClusterRole.class)))
                .containsOnlyKeys("", "batch", "karpenter.sh")
                .containsEntry("karpenter.sh", new TreeSet<>(List.of("nodeclaims", "nodepools")))
                .containsEntry("", new TreeSet<>(List.of("nodes", "pods")));
    }

    @Test
    void batchAloneListsCronJobsAndJobsOnly() {
        Manifests m = chart.template("""
                config:
                  exporters:
                    karpenter: {enabled: false}
                    cost: {enabled: false}
                    batch: {enabled: true}
                """);
        assertThat(m.only(ClusterRole.class).getRules())
                .singleElement()
                .satisfies(r -> assertThat(r.getVerbs()).containsExactly("list"));
        assertThat(access(m.only(ClusterRole.class)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("batch", new TreeSet<>(List.of("cronjobs", "jobs"))));
    }

    @Test
    void awsExportersAloneGetNoRbacAndNoApiToken() {
        Manifests m = chart.template(AWS_ONLY);
        assertThat(m.all(ClusterRole.class)).isEmpty();
        assertThat(m.all(ClusterRoleBinding.class)).isEmpty();
        assertThat(m.only(Deployment.class).getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
                .isFalse();
        assertThat(m.only(ServiceAccount.class).getAutomountServiceAccountToken())
                .isFalse();
    }

    @Test
    void perGroupOnlyTheKubernetesGroupIsBound() {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("irsa-multi-deployment-values.yaml")));
        // cluster-scoped, so the namespace is in the name: a "shop" release in another namespace has its own
        assertThat(m.names(ClusterRole.class)).containsExactly(Chart.NAMESPACE + "-shop-tierlens-kubernetes");
        assertThat(m.only(ClusterRoleBinding.class).getSubjects().get(0).getName())
                .isEqualTo("shop-tierlens-kubernetes");
        for (Deployment d : m.all(Deployment.class)) {
            assertThat(d.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
                    .as(d.getMetadata().getName())
                    .isEqualTo(d.getMetadata().getName().endsWith("-kubernetes"));
        }
    }

    @Test
    void costAloneStillWatchesKarpentersNodePoolsAndNodeClaims() {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("cost-only-values.yaml")));
        assertThat(access(m.only(ClusterRole.class)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "", new TreeSet<>(List.of("nodes", "pods")),
                        "karpenter.sh", new TreeSet<>(List.of("nodeclaims", "nodepools"))));
    }

    @Test
    void anExistingServiceAccountIsBoundAndNeverTheDefaultOne() {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("existing-service-account-values.yaml")));
        assertThat(m.all(ServiceAccount.class)).isEmpty();
        assertThat(m.only(ClusterRoleBinding.class).getSubjects())
                .singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("tierlens-terraform"));
        assertThat(m.only(Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("tierlens-terraform");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> chart.template("deployment: {serviceAccount: {create: false}}"))
                .hasMessageContaining("serviceAccount.create is false, so set serviceAccount.name");
    }

    @Test
    void leasesAreGrantedOnlyWhereALeaderIsElected() {
        assertThat(chart.template().all(Role.class)).isEmpty();
        assertThat(chart.template("mode: sharded").all(Role.class))
                .as("sharded with one replica per shard elects nothing")
                .isEmpty();
        for (String values : List.of("mode: ha", "mode: sharded\nsharding: {replicasPerShard: 2}")) {
            Manifests m = chart.template(values);
            Role role = m.only(Role.class);
            assertThat(role.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
            assertThat(role.getRules()).singleElement().satisfies(r -> {
                assertThat(r.getApiGroups()).containsExactly("coordination.k8s.io");
                assertThat(r.getResources()).containsExactly("leases");
                assertThat(r.getVerbs()).containsExactly("get", "create", "update");
            });
            RoleBinding binding = m.only(RoleBinding.class);
            assertThat(binding.getRoleRef().getName())
                    .isEqualTo(role.getMetadata().getName());
            assertThat(binding.getSubjects().get(0).getName())
                    .isEqualTo(m.only(ServiceAccount.class).getMetadata().getName());
        }
    }

    @Test
    void rbacCreateFalseRendersNone() {
        Manifests m = chart.template("rbac: {create: false}");
        assertThat(m.all(ClusterRole.class)).isEmpty();
        assertThat(m.all(ClusterRoleBinding.class)).isEmpty();
    }
}
