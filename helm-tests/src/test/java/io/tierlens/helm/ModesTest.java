package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mode single | ha | sharded (issue 17's chart side): what each renders and what the config then says. */
class ModesTest {
    private final Chart chart = Chart.repository();

    private static JsonNode config(Manifests m, String configMap) throws IOException {
        return Manifests.YAML.readTree(
                m.one(ConfigMap.class, configMap).getData().get("config.yaml"));
    }

    @Test
    void singleIsOnePodWithoutLeaderElection() throws IOException {
        Manifests m = chart.template();
        assertThat(m.only(Deployment.class).getSpec().getReplicas()).isEqualTo(1);
        assertThat(m.all(StatefulSet.class)).isEmpty();
        JsonNode config = config(m, Chart.FULLNAME + "-config");
        assertThat(config.has("ha")).isFalse();
        assertThat(config.has("sharding")).isFalse();
        assertThat(m.only(Deployment.class).getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                .isNullOrEmpty();
    }

    @Test
    void haIsAPairThatElectsALeaderAndSpreadsOverZones() throws IOException {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("ha-values.yaml")));
        Deployment d = m.only(Deployment.class);
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        JsonNode ha = config(m, Chart.FULLNAME + "-config").path("ha");
        assertThat(ha.path("enabled").asBoolean()).isTrue();
        assertThat(ha.path("lease_name").asText()).isEqualTo(Chart.FULLNAME);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        assertThat(pod.getAutomountServiceAccountToken()).isTrue();
        assertThat(pod.getContainers().get(0).getEnv())
                .extracting(EnvVar::getName)
                .contains("POD_NAME", "POD_NAMESPACE");
        assertThat(pod.getTopologySpreadConstraints())
                .extracting(t -> t.getTopologyKey())
                .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        assertThat(pod.getTopologySpreadConstraints())
                .allSatisfy(t -> assertThat(t.getLabelSelector().getMatchLabels())
                        .isEqualTo(d.getSpec().getSelector().getMatchLabels()));
        // a drain takes one of the pair at a time
        assertThat(m.only(PodDisruptionBudget.class)
                        .getSpec()
                        .getMaxUnavailable()
                        .getIntVal())
                .isEqualTo(1);
    }

    @Test
    void haPerGroupGivesEachDeploymentItsOwnLease() throws IOException {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("ha-per-group-values.yaml")));
        assertThat(m.all(Deployment.class))
                .hasSize(3)
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            assertThat(config(m, name + "-config").at("/ha/lease_name").asText())
                    .isEqualTo(name);
        }
    }

    @Test
    void shardedIsAStatefulSetOfShardsTimesReplicasWithAHeadlessService() throws IOException {
        Manifests m = chart.template(List.of(DeploymentTest.scenario("sharded-values.yaml")), Chart.OPERATOR);
        assertThat(m.all(Deployment.class)).isEmpty();
        StatefulSet s = m.only(StatefulSet.class);
        assertThat(s.getSpec().getReplicas()).isEqualTo(6);
        assertThat(s.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        Service headless = m.one(Service.class, s.getSpec().getServiceName());
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getSelector())
                .isEqualTo(s.getSpec().getSelector().getMatchLabels());
        JsonNode config = config(m, Chart.FULLNAME + "-config");
        assertThat(config.at("/sharding/shards").asInt()).isEqualTo(3);
        assertThat(config.path("sharding").has("index"))
                .as("the index comes from the pod's ordinal")
                .isFalse();
        assertThat(config.at("/ha/enabled").asBoolean())
                .as("2 replicas per shard: an HA pair each")
                .isTrue();

        // each pod is scraped once: through the Service, not the headless one
        ServiceMonitor sm = m.only(ServiceMonitor.class);
        assertThat(sm.getSpec().getSelector().getMatchExpressions()).anySatisfy(e -> {
            assertThat(e.getKey()).isEqualTo("tierlens.io/headless");
            assertThat(e.getOperator()).isEqualTo("DoesNotExist");
        });
        assertThat(headless.getMetadata().getLabels()).containsKey("tierlens.io/headless");
        assertThat(m.all(Service.class).stream()
                        .filter(svc -> !svc.getMetadata().getLabels().containsKey("tierlens.io/headless")))
                .hasSize(1);
    }

    @Test
    void shardedWithOneReplicaPerShardElectsNothing() throws IOException {
        Manifests m = chart.template("mode: sharded\nsharding: {shards: 4, replicasPerShard: 1}");
        assertThat(m.only(StatefulSet.class).getSpec().getReplicas()).isEqualTo(4);
        JsonNode config = config(m, Chart.FULLNAME + "-config");
        assertThat(config.has("ha")).isFalse();
        assertThat(config.at("/sharding/shards").asInt()).isEqualTo(4);
    }

    @Test
    void shardedNeedsOneWorkload() {
        assertThatThrownBy(() -> chart.template("mode: sharded\ndeploymentMode: perGroup"))
                .hasMessageContaining("mode sharded: use deploymentMode single");
        assertThatThrownBy(() -> chart.template("sharding: {replicasPerShard: 3}"))
                .hasMessageContaining("replicasPerShard");
    }
}
