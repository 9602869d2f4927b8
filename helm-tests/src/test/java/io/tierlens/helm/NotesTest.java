package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NOTES.txt, as a client-only dry-run install prints it: what the user checks next, and what is missing. */
class NotesTest {

    static String notes(Path chart, List<Path> valuesFiles, String values) throws IOException {
        InstallCommand install = new Helm(chart)
                .install()
                .withName(Chart.RELEASE)
                .withNamespace(Chart.NAMESPACE)
                .withKubeVersion(Chart.KUBE_VERSION)
                .dryRun()
                .clientOnly();
        for (Path f : valuesFiles) {
            install = install.withValuesFile(f);
        }
        Path extra = Files.createTempFile("values-", ".yaml");
        try {
            Files.writeString(extra, values);
            String output = install.withValuesFile(extra).call().getOutput();
            assertThat(output).contains("NOTES:");
            return output.substring(output.indexOf("NOTES:"));
        } finally {
            Files.delete(extra);
        }
    }

    @Test
    void defaultsTellWhatToCheckAndWhatIsMissing(@TempDir Path temp) throws IOException {
        String notes = notes(ChartFixtures.withContent(temp).chart().dir(), List.of(), "{}");
        assertThat(notes)
                .contains("shop-tierlens: alb, rds, backup, karpenter, cost, session")
                .contains("helm test shop -n monitoring")
                .contains("kubectl -n monitoring port-forward svc/shop-tierlens 9469")
                .contains("config.regions is empty")
                .contains("without an IRSA role")
                .contains("does not serve monitoring.coreos.com/v1")
                .contains(RepoLayout.files(ChartFixtures.dashboards(), ".json").size() + " dashboard ConfigMaps");
    }

    @Test
    void aCompleteInstallHasNoWarningsAndNamesTheSelectorLabels() throws IOException {
        String notes = notes(
                RepoLayout.chart(),
                List.of(DeploymentTest.scenario("kube-prometheus-stack-values.yaml")),
                Chart.OPERATOR
                        + "\ndeployment: {serviceAccount: {roleArn: \"arn:aws:iam::111122223333:role/tierlens\"}}");
        assertThat(notes)
                .doesNotContain("WARNING")
                .doesNotContain("NOTE:")
                .contains("(IRSA role arn:aws:iam::111122223333:role/tierlens)")
                .contains("ServiceMonitor shop-tierlens with labels {\"release\":\"kube-prometheus-stack\"}")
                .contains("up{job=\"tierlens\"}");
    }

    @Test
    void aSecretThatTheConfigNeverUsesIsPointedOut() throws IOException {
        String notes = notes(RepoLayout.chart(), List.of(), "redis: {existingSecret: shop-redis}");
        assertThat(notes).contains("redis.existingSecret is set but the config never uses REDIS_PASSWORD");
        String used =
                notes(RepoLayout.chart(), List.of(DeploymentTest.scenario("session-with-secret-values.yaml")), "{}");
        assertThat(used).doesNotContain("never uses REDIS_PASSWORD");
    }
}
