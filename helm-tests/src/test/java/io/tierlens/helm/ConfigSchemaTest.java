package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.marcnuri.helm.LintResult;
import io.tierlens.app.cli.ConfigSchemaCommand;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * values.schema.json carries the app's own config schema under {@code config} ({@code tierlens config-schema}), so
 * a misspelt config key fails {@code helm install}, not the pod.
 */
class ConfigSchemaTest {
    static final String REGENERATE = "./mvnw -B -q -pl exporters/app -am package -DskipTests && java -jar "
            + "exporters/app/target/tierlens.jar config-schema --embed-into helm/tierlens/values.schema.json";

    private final Chart chart = Chart.repository();

    @Test
    void theEmbeddedSchemaIsTheAppsSchema() throws IOException {
        Path file = RepoLayout.chart().resolve("values.schema.json");
        String committed = RepoLayout.read(file);
        String expected = ConfigSchemaCommand.write(
                        ConfigSchemaCommand.embed(Manifests.JSON.readTree(committed), ConfigSchemaCommand.schema()))
                + "\n";
        assertThat(committed)
                .as("values.schema.json's config schema differs from the app's config model; regenerate it with\n  "
                        + REGENERATE + "\n")
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "misspelt top-level key     | 'config: {regoins: [eu-west-1]}'                    | regoins",
                "misspelt exporter          | 'config: {exporters: {rdss: {enabled: true}}}'       | rdss",
                "misspelt exporter key      | 'config: {exporters: {alb: {refersh: 60s}}}'         | refersh",
                "duration without a unit    | 'config: {exporters: {alb: {refresh: 60}}}'          | refresh",
                "negative duration          | 'config: {cloudwatch: {period: -60s}}'               | period",
                "text for a number          | 'config: {max_series: lots}'                         | max_series",
                "misspelt key in a list     | 'config: {accounts: [{role_arm: x}]}'                | role_arm",
                "unquoted account id        | 'config: {aws: {account_id: 111122223333}}'          | account_id",
                "unknown exporter in group  | 'groups: {aws: {exporters: [alb, rdss]}}'            | /groups/aws/exporters/1",
            })
    void helmRefusesWhatTheAppWouldRefuse(String what, String values, String named) {
        Throwable t = catchThrowable(() -> chart.template(values));
        assertThat(t).as("accepted: %s", values).isNotNull();
        System.out.println(values + "\n  rejected with: " + t.getMessage());
        assertThat(t.getMessage()).contains("values don't meet the specifications of the schema");
        assertThat(t.getMessage()).contains(named);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "config.regoins   | {config: {regoins: [eu-west-1]}}",
                "exporters.rdss   | {config: {exporters: {rdss: {}}}}",
                "refersh          | {config: {exporters: {cost: {refersh: 60s}}}}",
            })
    void helmLintStrictFailsOnATypo(String what, String values, @TempDir Path temp) throws IOException {
        Path staged = ChartFixtures.stage(
                temp, RepoLayout.alerts(), RepoLayout.dashboards(), Manifests.YAML.readTree(values));
        LintResult result = new Chart(staged).lint();
        assertThat(result.isFailed()).as("%s", result.getMessages()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains(what.substring(what.lastIndexOf('.') + 1));
    }

    @Test
    void environmentReferencesAndEmptySectionsPass() {
        assertThat(chart.template("""
                        config:
                          regions: [eu-west-1]
                          max_series: ${MAX_SERIES:-50000}
                          exporters:
                            alb:
                            session: {redis: {address: "redis:6379", password_env: REDIS_PASSWORD}}
                            cost: {refresh: 1h30m, tiers: {web: web}}
                        """).resources()).isNotEmpty();
    }
}
