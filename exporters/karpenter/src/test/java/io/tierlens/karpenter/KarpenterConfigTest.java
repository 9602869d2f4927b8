package io.tierlens.karpenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tierlens.core.config.ConfigBinder;
import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KarpenterConfigTest {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    private KarpenterConfig bind(String text, ConfigProblems problems) throws Exception {
        return new ConfigBinder(problems).bind(yaml.readTree(text), KarpenterConfig.class, "exporters.karpenter");
    }

    @Test
    void defaultsWatchTheClusterWeRunIn() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        KarpenterConfig c = bind("{}", problems);

        assertThat(problems.errors()).isEmpty();
        assertThat(c.enabled()).isTrue();
        assertThat(c.refresh()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.connection().describe()).contains("auto-configured");
    }

    @Test
    void aMissingKubeconfigIsAConfigErrorWithItsPath() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        bind("kubeconfig: /nonexistent/kubeconfig\ncontext: prod", problems);

        assertThat(problems.errors()).extracting(ConfigError::path).containsExactly("exporters.karpenter.kubeconfig");
    }

    @Test
    void connectionsWithTheSameSettingsShareOneKey() {
        KarpenterConfig a = new KarpenterConfig(null, null, null, "", "prod");
        KarpenterConfig b = new KarpenterConfig(null, null, null, null, "prod");
        KarpenterConfig other = new KarpenterConfig(null, null, null, null, "staging");

        assertThat(a.connection().target().key())
                .isEqualTo(b.connection().target().key());
        assertThat(a.connection().target().key())
                .isNotEqualTo(other.connection().target().key());
    }
}
