package io.tierlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.app.TierlensCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = TierlensCli.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("tierlens.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void checkConfigPrintsASummaryAndExitsZero() throws Exception {
        Path f = file("""
                regions: [eu-west-1]
                accounts:
                  - name: shop-prod
                    role_arn: arn:aws:iam::111122223333:role/tierlens-read
                    external_id: s3cr3t-ext
                exporters:
                  alb:
                    refresh: 120s
                    tags: {"elbv2.k8s.aws/cluster": prod}
                """);
        assertThat(run("check-config", f.toString())).isZero();
        assertThat(out.toString())
                .contains(": OK")
                .contains("regions:   eu-west-1")
                .contains("shop-prod via arn:aws:iam::111122223333:role/tierlens-read (external id set)")
                .contains("exporter alb: enabled, refresh 2m")
                .doesNotContain("s3cr3t-ext");
    }

    @Test
    void checkConfigReportsEveryErrorWithItsPathAndExitsTwo() throws Exception {
        Path f = file("""
                regions: [eu-west-9]
                server:
                  port: "nine"
                exporters:
                  alb:
                    refresh: -5s
                    refersh: 60s
                  albb: {}
                """);
        assertThat(run("check-config", f.toString())).isEqualTo(2);
        String e = err.toString();
        assertThat(e).contains("5 error(s)");
        assertThat(e).contains(f + ": regions[0]: unknown AWS region \"eu-west-9\"");
        assertThat(e).contains("server.port: expected a whole number");
        assertThat(e).contains("exporters.alb.refresh: negative duration");
        assertThat(e).contains("exporters.alb.refersh: unknown key. Fix: did you mean 'refresh'?");
        assertThat(e).contains("exporters.albb: unknown exporter");
    }

    @Test
    void runWithABadWebConfigFileReportsItsErrorsByPathAndExitsTwo() throws Exception {
        Path f = file("regions: [eu-west-1]\n");
        Path web = Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  alice: hunter2\n");

        assertThat(run("run", "--config", f.toString(), "--web-config-file", web.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains(web + ": basic_auth_users.alice: not a bcrypt hash")
                .doesNotContain("hunter2");
    }

    @Test
    void checkConfigAlsoChecksTheWebConfigFile() throws Exception {
        Path web = Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: a.crt\n");
        Path f = file("regions: [eu-west-1]\nserver:\n  web_config_file: " + web + "\n");

        assertThat(run("check-config", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(web + ": tls_server_config.key_file: missing");
    }

    @Test
    void checkConfigOnAMissingFileExitsTwo() {
        assertThat(run("check-config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml: file not found");
    }

    @Test
    void offlinePlanPacksTwoHundredAlbsIntoTheMinimumOfCalls() throws Exception {
        Path f = file("regions: [eu-west-1, us-east-1]\naws: {account_id: \"111122223333\"}\n");
        assertThat(run(
                        "plan",
                        "--config",
                        f.toString(),
                        "--offline",
                        "--inventory",
                        "load_balancer=200,target_group=600"))
                .isZero();
        String plan = out.toString();
        // Queries and calls for each (account, region): 1,400 alerting queries in 3 calls, 6,800 trend in 14
        assertThat(plan).containsPattern("111122223333\\s+eu-west-1\\s+(\\d+)\\s+(\\d+)");
        var m = java.util.regex.Pattern.compile("111122223333\\s+eu-west-1\\s+(\\d+)\\s+(\\d+)")
                .matcher(plan);
        assertThat(m.find()).isTrue();
        int queries = Integer.parseInt(m.group(1));
        int calls = Integer.parseInt(m.group(2));
        assertThat(queries).isEqualTo(8_200);
        assertThat(calls).isEqualTo(3 + 14);
        assertThat(plan).contains("us-east-1").contains("ListMetrics calls: 0");
    }

    @Test
    void offlinePlanCountsElevenQueriesPerDatabaseInstanceByClass() throws Exception {
        Path f = file("regions: [eu-west-1]\naws: {account_id: \"111122223333\"}\n");
        assertThat(run("plan", "--config", f.toString(), "--offline", "--inventory", "db_instance=10"))
                .isZero();
        // 30 alerting queries x 21,600 fetches (every 2 min) + 80 trend x 2,880 (every 15 min), x $0.00001
        assertThat(out.toString())
                .containsPattern("111122223333\\s+eu-west-1\\s+110\\s+2\\s+878400\\s+8\\.78")
                .containsPattern("rds\\s+alerting\\s+every 2m\\s+lag 2m-3m\\s+30\\s+1\\s+648000\\s+6\\.48")
                .containsPattern("rds\\s+trend\\s+every 15m\\s+lag 15m-16m\\s+80\\s+1\\s+230400\\s+2\\.30");
    }

    @Test
    void theReadmesMinimalConfigCostsLessThanAQuarterOfThePeersBill() throws Exception {
        // docs/cloudwatch-cost.md: the peer's usual ALB/RDS set for this estate costs $146.88 per month
        Path f = file("regions: [eu-west-1]\n");
        assertThat(run(
                        "plan",
                        "--config",
                        f.toString(),
                        "--offline",
                        "--inventory",
                        "load_balancer=10,target_group=30,db_instance=10"))
                .isZero();
        var m = java.util.regex.Pattern.compile("cost: (\\d+\\.\\d+) USD").matcher(out.toString());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isEqualTo(33.70).isLessThanOrEqualTo(146.88 / 4);
        assertThat(out.toString()).containsPattern("alb\\s+alerting\\s+every 2m\\s+lag 2m-3m");
    }

    @Test
    void theOfflinePlanPricesTheNatGatewayQueriesOfTheCostExporter() throws Exception {
        Path f = file("regions: [ap-northeast-2]\n");
        assertThat(run("plan", "--config", f.toString(), "--offline", "--inventory", "nat_gateway=2"))
                .isZero();
        // two Sum queries per gateway, trend class, fetched every 10 minutes: 17,280 metrics, $0.17 a month
        assertThat(out.toString()).containsPattern("cost\\s+trend\\s+every 10m\\s+lag 10m-11m\\s+4\\s+1\\s+17280");
        assertThat(out.toString()).contains("total projected GetMetricData cost: 0.17 USD");
    }

    @Test
    void offlinePlanWithoutInventoryIsAnError() throws Exception {
        Path f = file("regions: [eu-west-1]\naws: {account_id: \"111122223333\"}\n");
        assertThat(run("plan", "--config", f.toString(), "--offline")).isEqualTo(2);
        assertThat(err.toString()).contains("--offline needs --inventory");
    }

    @Test
    void runJobIsASubcommandThatExitsWithTheJobsCode() {
        // the Pushgateway is down: reported on stderr, the job's exit code stays
        assertThat(run(
                        "run-job",
                        "--job",
                        "x",
                        "--pushgateway",
                        "http://127.0.0.1:1",
                        "--push-timeout",
                        "1s",
                        "--",
                        "sh",
                        "-c",
                        "exit 7"))
                .isEqualTo(7);
        assertThat(run("run-job", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: tierlens run-job").contains("--pushgateway");
    }

    @Test
    void configSchemaPrintsTheSchemaOfTheConfigFile() {
        assertThat(run("config-schema")).isZero();
        assertThat(out.toString())
                .contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\"")
                .contains("\"regions\"")
                .contains("\"max_staleness\"");
    }

    @Test
    void theProductionBinaryHasNoDemoCommand() {
        // the demo ships as tierlens-demo.jar (exporters/demo), so its simulations stay out of this jar
        assertThat(TierlensCli.commandLine().getSubcommands())
                .containsKeys("run", "check-config", "config-schema", "plan", "run-job")
                .doesNotContainKey("demo");
        assertThat(run("demo")).isEqualTo(CommandLine.ExitCode.USAGE);
    }
}
