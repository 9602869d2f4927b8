package io.tierlens.kubernetes.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesConnectionTest {

    @TempDir
    Path dir;

    @Test
    void theSameClusterIsTheSameKeySoExportersShareOneWatch() {
        assertThat(new KubernetesConnection(null, null).target()).isEqualTo(new KubernetesConnection("", "").target());
        assertThat(new KubernetesConnection("/k", "prod").target())
                .isNotEqualTo(new KubernetesConnection("/k", "staging").target());
    }

    @Test
    void anUnreadableKubeconfigIsAConfigErrorAtItsPath() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        KubernetesConnection.checkKubeconfig("/nonexistent/kubeconfig", "exporters.cost", problems);

        assertThat(problems.errors()).extracting(ConfigError::path).containsExactly("exporters.cost.kubeconfig");

        Path file = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\n");
        ConfigProblems fine = new ConfigProblems();
        KubernetesConnection.checkKubeconfig(file.toString(), "exporters.cost", fine);
        KubernetesConnection.checkKubeconfig("", "exporters.cost", fine);
        assertThat(fine.errors()).isEmpty();
    }
}
