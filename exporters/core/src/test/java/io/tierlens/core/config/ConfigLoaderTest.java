package io.tierlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final Map<String, String> env = new HashMap<>();
    private final ConfigLoader loader = new ConfigLoader(Map.of("example", ExampleSettings.class), env::get);

    private LoadedConfig load(String yaml) throws ConfigException {
        return loader.loadText("tierlens.yaml", yaml);
    }

    private List<ConfigError> errors(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(yaml));
        assertThat(e).as("expected the configuration to be refused").isNotNull();
        return e.errors();
    }

    private ConfigError onlyError(String yaml) {
        List<ConfigError> errors = errors(yaml);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void onlyRegionsGivesASensibleSuite() throws Exception {
        LoadedConfig config = load("regions: [eu-west-1]\n");

        TierlensConfig core = config.core();
        assertThat(core.regions()).containsExactly("eu-west-1");
        assertThat(core.accounts()).isEmpty();
        assertThat(core.maxSeries()).isEqualTo(50_000);
        assertThat(core.server().host()).isEqualTo("0.0.0.0");
        assertThat(core.server().port()).isEqualTo(ServerConfig.DEFAULT_PORT);
        assertThat(core.server().threads()).isEqualTo(4);
        assertThat(core.aws().endpoint()).isEmpty();
        assertThat(core.aws().callTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(core.aws().attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(core.aws().maxAttempts()).isEqualTo(5);
        assertThat(core.aws().requestsPerSecond()).isEqualTo(5.0);
        assertThat(core.cloudwatch().period()).isEqualTo(Duration.ofSeconds(60));
        assertThat(core.cloudwatch().delay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(core.cloudwatch().lookbackPeriods()).isEqualTo(5);
        assertThat(core.cloudwatch().maxQueriesPerCall()).isEqualTo(500);
        assertThat(core.cloudwatch().gatherWindow()).isEqualTo(Duration.ofSeconds(2));

        ExampleSettings example = config.exporter("example", ExampleSettings.class);
        assertThat(example.enabled()).isTrue();
        assertThat(example.refresh()).isEqualTo(Duration.ofSeconds(60));
        assertThat(example.maxStaleness()).isEqualTo(Duration.ofMinutes(5));
        assertThat(example.limit()).isEqualTo(10);
    }

    @Test
    void exporterSectionIsBoundOntoItsRecord() throws Exception {
        LoadedConfig config = load("""
                regions: [eu-west-1, us-east-1]
                exporters:
                  example:
                    enabled: false
                    refresh: 1m30s
                    max_staleness: 10m
                    limit: 3
                    mode: slow-and-steady
                    names: [a, b]
                    weights: {x: 0.5}
                """);

        ExampleSettings example = config.exporter("example", ExampleSettings.class);
        assertThat(example)
                .isEqualTo(new ExampleSettings(
                        false,
                        Duration.ofSeconds(90),
                        Duration.ofMinutes(10),
                        3,
                        ExampleSettings.Mode.SLOW_AND_STEADY,
                        null,
                        List.of("a", "b"),
                        Map.of("x", 0.5)));
    }

    @Test
    void unknownKeySuggestsTheClosestKnownOne() {
        ConfigError error = onlyError("regions: [eu-west-1]\nserver:\n  prot: 9469\n");

        assertThat(error.path()).isEqualTo("server.prot");
        assertThat(error.message()).isEqualTo("unknown key");
        assertThat(error.fix()).startsWith("did you mean 'port'?").contains("host, port, threads");
    }

    @Test
    void unknownKeyFarFromAnyKnownOneListsTheKnownKeys() {
        ConfigError error = onlyError("regions: [eu-west-1]\nserver:\n  listen_address: x\n");

        assertThat(error.path()).isEqualTo("server.listen_address");
        assertThat(error.fix()).startsWith("remove it;").contains("host, port, threads");
    }

    @Test
    void textWhereANumberBelongsNamesPathAndValue() {
        ConfigError error = onlyError("regions: [eu-west-1]\nserver:\n  port: nine\n");

        assertThat(error.path()).isEqualTo("server.port");
        assertThat(error.message()).isEqualTo("expected a whole number like 9469, got \"nine\"");
    }

    @Test
    void listWhereASectionBelongsNamesThePath() {
        ConfigError error = onlyError("regions: [eu-west-1]\nserver: [a, b]\n");

        assertThat(error.path()).isEqualTo("server");
        assertThat(error.message()).startsWith("expected a section of keys (host, port, threads, max_connections");
    }

    @Test
    void listWhereANumberBelongsSaysWhatWasExpectedInPlainWords() {
        ConfigError error = onlyError("regions: [eu-west-1]\nserver:\n  port: [1, 2]\n");

        assertThat(error.path()).isEqualTo("server.port");
        assertThat(error.message()).isEqualTo("expected a whole number but found a list");
    }

    @Test
    void negativeDurationIsRefused() {
        ConfigError error = onlyError("regions: [eu-west-1]\nexporters:\n  example:\n    refresh: -5s\n");

        assertThat(error.path()).isEqualTo("exporters.example.refresh");
        assertThat(error.message()).isEqualTo("negative duration \"-5s\"");
    }

    @Test
    void durationWithoutUnitIsRefused() {
        ConfigError error = onlyError("regions: [eu-west-1]\nexporters:\n  example:\n    refresh: 60\n");

        assertThat(error.path()).isEqualTo("exporters.example.refresh");
        assertThat(error.message()).isEqualTo("expected a duration like 60s, 5m or 1h, got \"60\"");
        assertThat(error.fix()).contains("ms, s, m, h or d");
    }

    @Test
    void unknownRegionSuggestsARealOne() {
        ConfigError error = onlyError("regions: [eu-west-1, eu-west-9]\n");

        assertThat(error.path()).isEqualTo("regions[1]");
        assertThat(error.message()).isEqualTo("unknown AWS region \"eu-west-9\"");
        // Three regions are one edit away; the suggestion must not change from one run to the next.
        assertThat(error.fix()).startsWith("did you mean eu-west-1?");
    }

    @Test
    void unknownRegionOfAnAccountNamesTheAccountsPath() {
        ConfigError error = onlyError("""
                regions: [eu-west-1]
                accounts:
                  - role_arn: arn:aws:iam::123456789012:role/tierlens
                    regions: [us-est-1]
                """);

        assertThat(error.path()).isEqualTo("accounts[0].regions[0]");
        assertThat(error.fix()).startsWith("did you mean us-east-1?");
    }

    @Test
    void missingEnvironmentVariableIsAnErrorAtItsPath() {
        ConfigError error = onlyError("regions: [eu-west-1]\naws:\n  endpoint: ${NOPE}\n");

        assertThat(error.path()).isEqualTo("aws.endpoint");
        assertThat(error.message()).isEqualTo("environment variable NOPE is not set");
        assertThat(error.fix()).contains("${NOPE:-value}");
    }

    @Test
    void environmentVariablesAndDefaultsAreSubstituted() throws Exception {
        env.put("PORT", "9000");
        env.put("REGION", "eu-central-1");

        LoadedConfig config = load("""
                regions: ["${REGION}", "${OTHER_REGION:-us-east-1}"]
                server:
                  port: ${PORT}
                  host: "${HOST:-127.0.0.1}"
                """);

        assertThat(config.core().regions()).containsExactly("eu-central-1", "us-east-1");
        assertThat(config.core().server().port()).isEqualTo(9000);
        assertThat(config.core().server().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void emptyVariableFallsBackToTheDefaultLikeTheShell() throws Exception {
        // Kubernetes sets optional variables to "", and ${X:-d} means "unset or empty" in sh and in compose.
        env.put("HOST", "");

        LoadedConfig config = load("regions: [eu-west-1]\nserver:\n  host: \"${HOST:-127.0.0.1}\"\n");

        assertThat(config.core().server().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void doubleDollarIsALiteralDollar() throws Exception {
        env.put("X", "expanded");

        LoadedConfig config = load("regions: [eu-west-1]\naccounts:\n  - role_arn: arn:aws:iam::123456789012:role/r\n"
                + "    external_id: \"pa$$word-$${X}-${X}\"\n");

        assertThat(config.core().accounts().get(0).externalId()).isEqualTo("pa$word-${X}-expanded");
    }

    @Test
    void variableValuesCannotChangeTheStructure() throws Exception {
        env.put("EVIL", "x\nserver:\n  port: 1");

        // (an account name: server.host would refuse the value as a host name, which is beside the point here)
        LoadedConfig config = load("regions: [eu-west-1]\naccounts:\n  - role_arn: arn:aws:iam::123456789012:role/t\n"
                + "    name: ${EVIL}\n");

        assertThat(config.core().accounts().get(0).name()).isEqualTo("x\nserver:\n  port: 1");
        assertThat(config.core().server().port()).isEqualTo(ServerConfig.DEFAULT_PORT);
    }

    @Test
    void invalidYamlGivesLineAndColumnOnOneLine() {
        ConfigError error = onlyError("regions: [eu-west-1]\nserver:\n  port: 9469\n    host: x\n");

        assertThat(error.path()).isEqualTo("line 4, column 9");
        assertThat(error.message()).startsWith("not valid YAML: ").doesNotContain("\n");
        assertThat(error.format("tierlens.yaml")).doesNotContain("\n");
    }

    @Test
    void tabIndentationIsReportedWhereTheTabIs() {
        ConfigError error = onlyError("regions: [eu-west-1]\nserver:\n\tport: 9469\n");

        assertThat(error.path()).isEqualTo("line 3, column 1");
        assertThat(error.message()).contains("TAB");
    }

    @Test
    void duplicateKeyIsAnErrorNotASilentOverride() {
        // A second 'exporters:' further down would otherwise silently drop every section of the first.
        ConfigError error = onlyError("""
                regions: [eu-west-1]
                exporters:
                  example: {limit: 3}
                server: {port: 9000}
                exporters:
                  example: {limit: 4}
                """);

        assertThat(error.path()).startsWith("line 5");
        assertThat(error.message()).contains("exporters");
    }

    @Test
    void unknownExporterSectionSuggestsAKnownExporter() {
        ConfigError error = onlyError("regions: [eu-west-1]\nexporters:\n  exmaple:\n    refresh: 60s\n");

        assertThat(error.path()).isEqualTo("exporters.exmaple");
        assertThat(error.message()).isEqualTo("unknown exporter");
        assertThat(error.fix()).isEqualTo("did you mean 'example'? known exporters: example");
    }

    @Test
    void everyErrorOfTheFileIsReportedAtOnce() {
        List<ConfigError> errors = errors("""
                regions: [eu-west-9]
                server:
                  prot: 9469
                  threads: many
                aws:
                  endpoint: ${NOPE}
                cloudwatch:
                  delay: 60
                exporters:
                  example:
                    refresh: -5s
                  exmaple: {}
                """);

        assertThat(errors)
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder(
                        "regions[0]",
                        "server.prot",
                        "server.threads",
                        "aws.endpoint",
                        "cloudwatch.delay",
                        "exporters.example.refresh",
                        "exporters.exmaple");
    }

    @Test
    void exceptionMessageHasOneLinePerErrorWithFileAndPath() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> load("regions: [eu-west-1]\nserver:\n  port: x\n  threads: 0\nmax_series: 0\n"));

        assertThat(e.file()).isEqualTo("tierlens.yaml");
        assertThat(e.lines())
                .containsExactlyInAnyOrder(
                        "tierlens.yaml: server.port: expected a whole number like 9469, got \"x\". Fix: write a whole"
                                + " number like 9469",
                        // checked although its sibling 'port' could not be bound: every error at once
                        "tierlens.yaml: server.threads: threads must be between 1 and 64. Fix: the default of 4"
                                + " serves hundreds of scrapes per second",
                        "tierlens.yaml: max_series: must be positive. Fix: the default is 50000");
        assertThat(e.getMessage().split("\n")).hasSize(3);
    }

    @Test
    void semanticChecksOfTheCommonExporterSettingsRun() {
        ConfigError error =
                onlyError("regions: [eu-west-1]\nexporters:\n  example:\n    refresh: 5m\n    max_staleness: 1m\n");

        assertThat(error.path()).isEqualTo("exporters.example.max_staleness");
        assertThat(error.message()).contains("shorter than refresh");
    }

    @Test
    void zeroRefreshIsRefused() {
        ConfigError error = onlyError("regions: [eu-west-1]\nexporters:\n  example:\n    refresh: 0s\n");

        assertThat(error.path()).isEqualTo("exporters.example.refresh");
        assertThat(error.message()).isEqualTo("must be longer than 0s");
    }

    @Test
    void secretsAreNeverEchoed() {
        List<ConfigError> errors = errors("""
                regions: [eu-west-1]
                accounts:
                  - role_arn: arn:aws:iam::123456789012:role/r
                    external_id: {value: s3cr3t-one}
                exporters:
                  example:
                    token_lifetime: s3cr3t-two
                """);

        assertThat(errors)
                .extracting(ConfigError::path)
                .containsExactlyInAnyOrder("accounts[0].external_id", "exporters.example.token_lifetime");
        assertThat(errors).allSatisfy(e -> assertThat(e.format("f")).doesNotContain("s3cr3t"));
        assertThat(errors)
                .filteredOn(e -> e.path().endsWith("token_lifetime"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("(value hidden)"));
    }

    @Test
    void yamlSyntaxErrorsDoNotEchoTheOffendingLine() {
        List<ConfigError> errors = errors("""
                regions: [eu-west-1]
                accounts:
                  - role_arn: arn:aws:iam::123456789012:role/r
                    external_id: "s3cr3t-three
                """);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.format("f")).doesNotContain("s3cr3t").doesNotContain("\n");
            assertThat(e.path()).isEqualTo("line 5, column 1");
            assertThat(e.message()).contains("quoted scalar").contains("line 4, column 18");
        });
    }

    @Test
    void emptyListItemIsAnErrorNotAnEmptyList() {
        // "regions:\n  - eu-west-1\n  -" used to bind to no regions at all, silently watching nothing.
        ConfigError error = onlyError("regions:\n  - eu-west-1\n  -\n");

        assertThat(error.path()).isEqualTo("regions[1]");
        assertThat(error.message()).isEqualTo("empty list item");
    }

    @Test
    void emptyExporterSectionMeansDefaults() throws Exception {
        LoadedConfig config = load("regions: [eu-west-1]\nexporters:\n  example:\n");

        assertThat(config.exporter("example", ExampleSettings.class).refresh()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void missingFileIsOneClearError(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(err -> assertThat(err.message()).isEqualTo("file not found")))
                .hasMessageStartingWith(file.toString() + ": file not found");
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws IOException, ConfigException {
        Path file = Files.writeString(dir.resolve("tierlens.yaml"), "regions: [ap-southeast-2]\n");

        LoadedConfig config = loader.load(file);

        assertThat(config.source()).isEqualTo(file.toString());
        assertThat(config.core().regions()).containsExactly("ap-southeast-2");
    }
}
