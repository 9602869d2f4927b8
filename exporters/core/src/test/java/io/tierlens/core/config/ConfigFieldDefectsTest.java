package io.tierlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that were accepted wrongly or refused wrongly in the field (issue 12, "no false green"). */
class ConfigFieldDefectsTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("example", ExampleSettings.class), k -> null);

    private List<ConfigError> errors(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.loadText("t.yaml", yaml));
        assertThat(e).as("expected the configuration to be refused").isNotNull();
        return e.errors();
    }

    @Test
    void aSecondYamlDocumentIsAnErrorNotSilentlyIgnored() {
        List<ConfigError> errors = errors("regions: [eu-west-1]\n---\nregions: [us-east-1]\n");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("contains 2 YAML documents; tierlens reads one");
            assertThat(e.fix()).contains("---");
        });
        assertThat(errors.get(0).format("t.yaml")).startsWith("t.yaml: ");
    }

    @Test
    void anEmptyFileIsAnErrorThatShowsTheMinimalConfig() {
        for (String empty : List.of("", "   \n", "# only a comment\n", "---\n")) {
            assertThat(errors(empty)).as("%s", empty).singleElement().satisfies(e -> {
                assertThat(e.message()).contains("empty");
                assertThat(e.fix()).contains("regions: [eu-west-1]");
            });
        }
    }

    @Test
    void anInvalidServerHostIsAnErrorAtItsPath() {
        for (String host : List.of("not a host", "web_01.local", "-bad.example", "300.1.1.1", "http://0.0.0.0")) {
            assertThat(errors("regions: [eu-west-1]\nserver:\n  host: \"" + host + "\"\n"))
                    .as(host)
                    .singleElement()
                    .satisfies(e -> assertThat(e.path()).isEqualTo("server.host"));
        }
    }

    @Test
    void validServerHostsAreAccepted() throws Exception {
        for (String host : List.of("0.0.0.0", "127.0.0.1", "::", "::1", "localhost", "metrics.tierlens.svc")) {
            assertThat(loader.loadText("t.yaml", "regions: [eu-west-1]\nserver:\n  host: \"" + host + "\"\n")
                            .core()
                            .server()
                            .host())
                    .isEqualTo(host);
        }
    }

    @Test
    void anEmptyExternalIdIsAnErrorNotAnAssumeRoleWithoutOne() {
        List<ConfigError> errors = errors("""
                regions: [eu-west-1]
                accounts:
                  - role_arn: arn:aws:iam::123456789012:role/tierlens
                    external_id: ""
                """);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("accounts[0].external_id");
            assertThat(e.message()).contains("empty");
        });
    }

    @Test
    void yamlAnchorsAndAliasesAreResolved() throws Exception {
        LoadedConfig c = loader.loadText("t.yaml", """
                regions: &watched [eu-west-1, us-east-1]
                accounts:
                  - role_arn: arn:aws:iam::123456789012:role/tierlens
                    regions: *watched
                exporters:
                  example:
                    <<: &common {refresh: 30s, names: [a, b]}
                    limit: 3
                """);

        assertThat(c.core().accounts().get(0).regions()).containsExactly("eu-west-1", "us-east-1");
        ExampleSettings ex = c.exporter("example", ExampleSettings.class);
        assertThat(ex.refresh()).hasSeconds(30);
        assertThat(ex.names()).containsExactly("a", "b");
        assertThat(ex.limit()).isEqualTo(3);
    }

    @Test
    void aScalarAliasIsItsValueNotTheAnchorName() throws Exception {
        LoadedConfig c = loader.loadText("t.yaml", """
                regions: [&home eu-west-1]
                accounts:
                  - role_arn: arn:aws:iam::123456789012:role/tierlens
                    regions: [*home]
                """);

        assertThat(c.core().accounts().get(0).regions()).containsExactly("eu-west-1");
    }

    @Test
    void aNonUtf8FileIsToldSoWithTheByteOffset(@TempDir Path dir) throws Exception {
        byte[] head = "regions: [eu-west-1]\n# caf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        bytes[head.length + 1] = '\n';
        Path file = Files.write(dir.resolve("latin1.yaml"), bytes);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.message()).contains("not UTF-8").contains("byte " + head.length);
            assertThat(err.fix()).doesNotContain("permission").contains("UTF-8");
        });
    }
}
