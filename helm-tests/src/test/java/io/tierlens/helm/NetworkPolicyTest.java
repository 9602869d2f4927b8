package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {
    private final Chart chart = Chart.repository();

    @Test
    void onlyPrometheusAndTheHelmTestReachTheMetricsPort() {
        NetworkPolicy np = chart.template().only(NetworkPolicy.class);
        assertThat(np.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(np.getSpec().getEgress()).isNullOrEmpty();
        List<NetworkPolicyIngressRule> ingress = np.getSpec().getIngress();
        assertThat(ingress)
                .hasSize(2)
                .allSatisfy(rule -> assertThat(rule.getPorts())
                        .singleElement()
                        .satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("metrics")));

        NetworkPolicyPeer prometheus = ingress.get(0).getFrom().get(0);
        assertThat(prometheus.getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "monitoring");
        assertThat(prometheus.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "prometheus");

        NetworkPolicyPeer test = ingress.get(1).getFrom().get(0);
        assertThat(test.getNamespaceSelector()).isNull();
        assertThat(test.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "test");
    }

    @Test
    void theScenarioSelectorsReplaceTheDefaults() {
        NetworkPolicy np = chart.template(List.of(DeploymentTest.scenario("no-prometheus-operator-values.yaml")))
                .only(NetworkPolicy.class);
        NetworkPolicyPeer prometheus =
                np.getSpec().getIngress().get(0).getFrom().get(0);
        assertThat(prometheus.getNamespaceSelector().getMatchLabels())
                .containsExactlyEntriesOf(java.util.Map.of("kubernetes.io/metadata.name", "prometheus"));
        assertThat(prometheus.getPodSelector().getMatchLabels())
                .containsExactlyEntriesOf(java.util.Map.of("app", "prometheus-server"));
    }

    @Test
    void egressAllowListKeepsDnsAndTheGivenRulesOnly() {
        NetworkPolicy np = chart.template(List.of(DeploymentTest.scenario("network-egress-values.yaml")))
                .only(NetworkPolicy.class);
        assertThat(np.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(np.getSpec().getEgress()).hasSize(2);
        assertThat(np.getSpec().getEgress().get(0).getPorts())
                .extracting(p -> p.getPort().getIntVal() + "/" + p.getProtocol())
                .containsExactlyInAnyOrder("53/UDP", "53/TCP");
        assertThat(np.getSpec().getEgress().get(1).getTo().get(0).getIpBlock().getCidr())
                .isEqualTo("10.0.0.0/16");
    }

    @Test
    void disabledRendersNone() {
        assertThat(chart.template("networkPolicy: {enabled: false}").all(NetworkPolicy.class))
                .isEmpty();
    }
}
