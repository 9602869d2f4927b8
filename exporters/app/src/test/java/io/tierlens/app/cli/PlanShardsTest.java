package io.tierlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.app.TierlensCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tierlens plan --shards N}: each shard's share, adding up to the unsharded plan, and the budget warning. */
class PlanShardsTest {
    private static final Pattern ROW = Pattern.compile(
            "(?m)^(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+(\\S+)$");

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

    /** 4 accounts × 5 regions. */
    private Path fleet() throws Exception {
        StringBuilder yaml =
                new StringBuilder("regions: [us-east-1, us-west-2, eu-west-1, eu-central-1, ap-northeast-1]\n"
                        + "aws: {watch_default_account: false}\naccounts:\n");
        for (int a = 0; a < 4; a++) {
            yaml.append("  - {role_arn: \"arn:aws:iam::%012d:role/r\"}\n".formatted(100_000_000_000L + a));
        }
        Path f = dir.resolve("fleet.yaml");
        Files.writeString(f, yaml.toString());
        return f;
    }

    private record Row(int shard, int targets, int queries, int calls, double perSecond, String also) {}

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(out.toString());
        while (m.find()) {
            rows.add(new Row(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    Double.parseDouble(m.group(5)),
                    m.group(8)));
        }
        return rows;
    }

    private List<Row> plan(int shards, String... extra) throws Exception {
        out.getBuffer().setLength(0);
        List<String> args = new ArrayList<>(List.of(
                "plan",
                "--config",
                fleet().toString(),
                "--offline",
                "--inventory",
                "load_balancer=60,target_group=180,db_instance=20",
                "--shards",
                String.valueOf(shards)));
        args.addAll(List.of(extra));
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
        return rows();
    }

    @Test
    void theShardsShareTheTargetsAndAddUpToTheSingleProcess() throws Exception {
        Row single = plan(1).get(0);
        assertThat(single.targets()).isEqualTo(20);
        List<Row> four = plan(4);
        assertThat(four).extracting(Row::shard).containsExactly(0, 1, 2, 3);
        assertThat(four.stream().mapToInt(Row::targets).sum()).isEqualTo(20);
        assertThat(four.stream().mapToInt(Row::queries).sum()).isEqualTo(single.queries());
        assertThat(four.stream().mapToDouble(Row::perSecond).sum())
                .isCloseTo(single.perSecond(), org.assertj.core.data.Offset.offset(0.01));
        // the cluster-wide exporters enabled by default are listed on shard 0 only, the Redis (session) on one shard
        assertThat(four.get(0).also()).contains("karpenter").contains("cost");
        assertThat(four.subList(1, 4)).allSatisfy(r -> assertThat(r.also()).doesNotContain("karpenter"));
        assertThat(four.stream().filter(r -> r.also().contains("session"))).hasSize(1);
        assertThat(out.toString()).doesNotContain("WARNING");
    }

    @Test
    void aShardOverTheGetMetricDataBudgetIsWarnedAbout() throws Exception {
        plan(4, "--gmd-tps-budget", "0.01");
        assertThat(out.toString()).containsPattern("WARNING: shard 0 needs [0-9.]+ GetMetricData calls/s");
        assertThat(out.toString()).contains("budget of 0.01 calls/s").doesNotContain("WARNING: shard 4");
    }

    @Test
    void badShardCountsAreRefused() throws Exception {
        assertThat(run(
                        "plan",
                        "--config",
                        fleet().toString(),
                        "--offline",
                        "--inventory",
                        "db_instance=1",
                        "--shards",
                        "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--shards must be between 1 and 256");
    }
}
