package io.tierlens.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.e2e.DashboardChecks.Check;
import io.tierlens.contract.e2e.DashboardChecks.Outcome;
import io.tierlens.contract.rules.RuleFile;
import io.tierlens.contract.rules.RuleFiles;
import io.tierlens.contract.tools.Tool;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 7's end-to-end test: a real Prometheus 2.42 (Debian package {@code prometheus}) scrapes the packaged
 * {@code tierlens demo} and a real Pushgateway with the configuration {@code docs/dashboards-and-alerts.md} documents,
 * loads every rule file of {@code alerts/}, and then
 *
 * <ul>
 *   <li>every panel query and resource variable of the nine dashboards must return data, except panels documented
 *       as needing a source the demo lacks ("Requires: ...") and the short {@link #ALLOWED_EMPTY} list;
 *   <li>the scenario's events must make their alerts pending or firing in {@code /api/v1/alerts};
 *   <li>with the demo's AWS side and Redis taken away ({@link BlindPhase}), the blind exporters' alerts must fire, and
 *       clear when they return.
 * </ul>
 *
 * A query or alert that needs an exporter this build does not have (no {@code tierlens_exporter_up{exporter=...}}
 * in the demo) is skipped and logged; with every exporter in the build, nothing is skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPrometheusIT {
    /** Panels are asked once every exporter has refreshed a few times and Prometheus has a minute of samples. */
    private static final Duration PANELS_FROM = Duration.ofSeconds(75);
    /** Empty answers are asked again until then: exporters refresh every 10–15 s, Prometheus scrapes every 5 s. */
    private static final Duration PANELS_UNTIL = Duration.ofSeconds(150);
    /**
     * The ALB's first datapoint inside the burst is CloudWatch's period after the start (≤ 60 s), published 120 s
     * later (the demo's 60 s delay + the period), then refreshed, scraped and averaged into the 5-minute ratio.
     */
    private static final Duration ALERTS_UNTIL = Duration.ofSeconds(235);

    /**
     * Panel queries that may be empty in a correct demo, with the reason (where → reason). Keep it short: an empty
     * panel is a bug in the demo or the dashboard unless there is a reason here.
     */
    static final Map<String, String> ALLOWED_EMPTY = Map.of(
            "004-karpenter.json › Nodes: count and limit › B",
            "the limit line: NodePools rarely set spec.limits.nodes (Karpenter enforces it only informally,"
                    + " kubernetes-sigs/karpenter#2657) and the demo's limit CPU and memory only; query A, the node"
                    + " count, is checked");

    /** Prometheus' scrape and rule evaluation interval ({@link #writePrometheusConfig}). */
    private static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(5);

    /** The rule file whose exporter-down alerts the blind phase loads with {@link BlindPhase#FOR}. */
    private static final String EXPORTER_RULES = "exporter.rules.yaml";

    /** The exporters that read AWS or Redis on every refresh: blind when those are taken away. */
    private static final Set<String> BLIND = Set.of("alb", "rds", "session");

    /**
     * How long the blind phase waits for every target to go down and the alerts to fire: RDS notices on its next
     * CloudWatch fetch or discovery (up to a minute, the demo's CloudWatch period), then a scrape, then {@code for}
     * and two evaluations.
     */
    private static final Duration BLIND_DOWN_UNTIL = Duration.ofSeconds(150);

    private static final Duration BLIND_UP_UNTIL = Duration.ofSeconds(60);

    /** Alert → the scenario event that must make it pending or firing. */
    static final Map<String, String> EXPECTED_ALERTS = expectedAlerts();

    private static Path root;
    private static Path work;
    private static final List<LocalProcess> processes = new ArrayList<>();
    private static DemoProcess demo;
    private static PrometheusApi prometheus;
    private static AlertWatcher alerts;
    private static Set<String> exporters;
    private static Instant scenarioStart;

    private static Map<String, String> expectedAlerts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("TierlensAlbErrorBudgetBurnFast", "the ALB 5xx burst (scenario minutes 8–14)");
        m.put("TierlensBackupJobFailed", "the failed nightly AWS Backup job (scenario minute 13 to the cycle's end)");
        m.put("TierlensDrFailoverActive", "the failover drill: DNS answers with the DR site (scenario minutes 17–25)");
        m.put("TierlensJobLastRunFailed", "the failed db-backup run this test pushes with `tierlens run-job`");
        return m;
    }

    @BeforeAll
    static void start() throws Exception {
        root = RepoRoot.get();
        Path jar = DemoProcess.jar(root);
        Path prometheusBinary = Tool.PROMETHEUS.locate();
        Path pushgatewayBinary = Tool.PUSHGATEWAY.locate();
        // @AfterAll stops what started and deletes this directory, also when this method fails
        work = Files.createTempDirectory("tierlens-e2e");
        int demoPort = LocalProcess.freePort();
        int pushgatewayPort = LocalProcess.freePort();
        int prometheusPort = LocalProcess.freePort();

        URI pushgatewayUrl = URI.create("http://127.0.0.1:" + pushgatewayPort);
        LocalProcess pushgateway = started(LocalProcess.start(
                "pushgateway",
                List.of(
                        pushgatewayBinary.toString(),
                        "--web.listen-address=127.0.0.1:" + pushgatewayPort,
                        // Debian defaults to /var/lib/prometheus/pushgateway.data: another run's groups
                        // would be loaded, and ours left behind
                        "--persistence.file=" + work.resolve("pushgateway.data")),
                work));
        pushgateway.awaitOk(pushgatewayUrl.resolve("/-/ready"), Duration.ofSeconds(30));

        Path config = writePrometheusConfig(demoPort, pushgatewayPort);
        URI prometheusUrl = URI.create("http://127.0.0.1:" + prometheusPort);
        LocalProcess prom = started(LocalProcess.start(
                "prometheus",
                List.of(
                        prometheusBinary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + Files.createDirectories(work.resolve("tsdb")),
                        "--web.listen-address=127.0.0.1:" + prometheusPort),
                work));
        prom.awaitOk(prometheusUrl.resolve("/-/ready"), Duration.ofSeconds(60));
        prometheus = new PrometheusApi(prometheusUrl);

        demo = DemoProcess.start(jar, demoPort, work);
        scenarioStart = demo.scenario().realStart();
        alerts = new AlertWatcher(prometheus, scenarioStart);
        exporters = demo.exporters();
        log("demo started " + scenarioStart + " at --speed " + DemoProcess.SPEED + "; exporters " + exporters);
        if (exporters.contains("batch")) {
            pushBatchRuns(DemoProcess.productionJar(root), pushgatewayUrl);
        } else {
            log("no batch exporter in this build: nothing pushes to the Pushgateway; its panels are skipped");
        }
    }

    private static LocalProcess started(LocalProcess p) {
        processes.add(p);
        return p;
    }

    /** Scrape and rule settings of the issue: 5 s, honor_labels as docs/dashboards-and-alerts.md says. */
    private static Path writePrometheusConfig(int demoPort, int pushgatewayPort) throws IOException {
        StringBuilder yaml = new StringBuilder();
        yaml.append("global:\n")
                .append("  scrape_interval: 5s\n")
                .append("  scrape_timeout: 4s\n")
                .append("  evaluation_interval: ")
                .append(EVALUATION_INTERVAL.toSeconds())
                .append("s\n")
                .append("rule_files:\n");
        for (Path rules : RuleFiles.ruleFiles(root)) {
            if (rules.getFileName().toString().equals(EXPORTER_RULES)) {
                // the blind phase cannot wait 15 minutes: the same rules with a shorter for
                Map<String, String> fast = new LinkedHashMap<>();
                BlindPhase.ALERTS.forEach(a -> fast.put(a, BlindPhase.FOR.toSeconds() + "s"));
                rules = FastRules.write(rules, fast, work.resolve(EXPORTER_RULES));
            }
            yaml.append("  - '").append(rules.toAbsolutePath()).append("'\n");
        }
        yaml.append("scrape_configs:\n")
                .append("  - job_name: tierlens\n")
                .append("    honor_labels: true\n")
                .append("    static_configs:\n")
                .append("      - targets: ['127.0.0.1:")
                .append(demoPort)
                .append("']\n")
                .append("  - job_name: pushgateway\n")
                .append("    honor_labels: true\n")
                .append("    static_configs:\n")
                .append("      - targets: ['127.0.0.1:")
                .append(pushgatewayPort)
                .append("']\n");
        Path file = work.resolve("prometheus.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The batch jobs of the demo's story, run for real by {@code tierlens run-job}: db-backup succeeds and then
     * fails (so its last run failed but it has a last success), dr-drill succeeds.
     */
    private static void pushBatchRuns(Path jar, URI pushgateway) throws IOException, InterruptedException {
        record Run(String job, String command, int exitCode) {}
        List<Run> runs = List.of(
                new Run("db-backup", "true", 0), new Run("dr-drill", "true", 0), new Run("db-backup", "false", 1));
        int n = 0;
        for (Run run : runs) {
            LocalProcess p = started(LocalProcess.start(
                    "run-job-" + n++,
                    DemoProcess.java(
                            jar,
                            "run-job",
                            "--job",
                            run.job(),
                            "--instance",
                            run.job(),
                            "--pushgateway",
                            pushgateway.toString(),
                            "--",
                            run.command()),
                    work));
            int exit = p.awaitExit(Duration.ofSeconds(60));
            assertThat(exit)
                    .as("tierlens run-job %s -- %s; output:\n%s", run.job(), run.command(), p.log())
                    .isEqualTo(run.exitCode());
            log("tierlens run-job --job " + run.job() + " -- " + run.command() + " pushed, exit code " + exit);
        }
        log("pushed " + runs.size() + " batch job runs to the Pushgateway with tierlens run-job");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (alerts != null) {
            alerts.close();
            alerts = null;
        }
        if (demo != null) {
            demo.close();
            demo = null;
        }
        for (LocalProcess p : processes) {
            p.close();
        }
        processes.clear();
        if (work != null) {
            deleteRecursively(work);
            work = null;
        }
    }

    @Test
    @Order(1)
    void everyPanelQueryOfTheNineDashboardsReturnsData() throws Exception {
        List<Check> checks = DashboardChecks.all(root);
        List<Check> toAsk = new ArrayList<>();
        int external = 0;
        for (Check c : checks) {
            Set<String> absent = new TreeSet<>(c.exporters());
            absent.removeAll(exporters);
            if (c.outsideDemo()) {
                external++;
            } else if (!absent.isEmpty()) {
                log("skipped, exporter " + absent + " not in this build: " + c.where());
            } else {
                toAsk.add(c);
            }
        }
        Set<String> exportersAsked =
                toAsk.stream().flatMap(c -> c.exporters().stream()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(MetricOwners.EXPORTER_BY_AREA.values())
                .as("exporters MetricOwners maps metric names to")
                .containsAll(exporters);
        assertThat(exportersAsked)
                .as("every exporter of the demo has panels that are asked")
                .containsExactlyInAnyOrderElementsOf(exporters);

        sleepUntil(PANELS_FROM);
        Map<Check, Outcome> failing = new LinkedHashMap<>();
        Map<Check, Outcome> nan = new LinkedHashMap<>();
        List<Check> pending = toAsk;
        while (true) {
            failing.clear();
            for (Check c : pending) {
                Outcome o = c.evaluate(prometheus);
                if (!o.hasData()) {
                    failing.put(c, o);
                } else if (o.allNaN()) {
                    nan.put(c, o);
                }
            }
            failing.keySet().removeIf(c -> ALLOWED_EMPTY.containsKey(c.where()));
            if (failing.isEmpty() || sinceStart().compareTo(PANELS_UNTIL) >= 0) {
                break;
            }
            pending = new ArrayList<>(failing.keySet());
            Thread.sleep(5_000);
        }
        assertThat(checks.stream().map(Check::where).toList())
                .as("ALLOWED_EMPTY names existing queries")
                .containsAll(ALLOWED_EMPTY.keySet());
        List<String> allowedWithData = new ArrayList<>();
        for (Check c : toAsk) {
            if (ALLOWED_EMPTY.containsKey(c.where())) {
                if (c.evaluate(prometheus).hasData()) {
                    allowedWithData.add(c.where());
                } else {
                    log("allowed to be empty: " + c.where() + " (" + ALLOWED_EMPTY.get(c.where()) + ")");
                }
            }
        }
        nan.keySet().forEach(c -> log("returns only NaN (shown as no value): " + c.describe()));
        log("asked " + toAsk.size() + " of " + checks.size() + " dashboard queries and variables (" + external
                + " need a source outside the demo, " + (checks.size() - toAsk.size() - external)
                + " an exporter not in this build); " + failing.size() + " empty");

        assertThat(failing)
                .as(() -> "dashboard queries that returned no series from Prometheus scraping tierlens demo (exporters "
                        + exporters + ", " + sinceStart().toSeconds() + " s after the scenario started):\n"
                        + failing.entrySet().stream()
                                .map(e -> "  " + e.getKey().describe()
                                        + (e.getValue().error() == null
                                                ? ""
                                                : "\n      error: "
                                                        + e.getValue().error()))
                                .collect(Collectors.joining("\n"))
                        + "\ndemo log tail:\n" + demo.process().logTail(20))
                .isEmpty();
        assertThat(allowedWithData)
                .as("queries of ALLOWED_EMPTY that return data now: remove them from the list")
                .isEmpty();
    }

    @Test
    @Order(2)
    void theScenarioEventsMakeTheirAlertsPendingOrFiring() throws Exception {
        Map<String, RuleFile.Rule> rules = RuleFiles.readAll(root).stream()
                .flatMap(f -> f.alerts().stream())
                .collect(Collectors.toMap(r -> r.alert().orElseThrow(), r -> r));
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : EXPECTED_ALERTS.entrySet()) {
            RuleFile.Rule rule = rules.get(e.getKey());
            assertThat(rule).as("alert %s in alerts/*.rules.yaml", e.getKey()).isNotNull();
            Set<String> absent = new TreeSet<>(MetricOwners.exportersOf(rule.expr()));
            absent.removeAll(exporters);
            if (absent.isEmpty()) {
                expected.put(e.getKey(), e.getValue());
            } else {
                log("skipped alert " + e.getKey() + ": exporter " + absent + " not in this build");
            }
        }
        assertThat(expected).as("alerts to expect with exporters %s", exporters).isNotEmpty();

        while (!alerts.seen().keySet().containsAll(expected.keySet())
                && sinceStart().compareTo(ALERTS_UNTIL) < 0) {
            Thread.sleep(2_000);
        }
        Map<String, AlertWatcher.Seen> seen = alerts.seen();
        seen.forEach((name, s) -> log("alert " + name + ": " + s.describe() + " " + s.labels()));
        List<String> missing = expected.entrySet().stream()
                .filter(e -> !seen.containsKey(e.getKey()))
                .map(e -> "  " + e.getKey() + ", expected from " + e.getValue())
                .toList();
        assertThat(missing)
                .as(() -> "alerts never pending or firing within "
                        + sinceStart().toSeconds()
                        + " s of the scenario (exporters " + exporters + "):\n" + String.join("\n", missing)
                        + "\nseen: " + seen.keySet()
                        + (alerts.lastError() == null ? "" : "\nlast /api/v1/alerts error: " + alerts.lastError())
                        + (missing.isEmpty() ? "" : "\n" + selfMetrics()))
                .isEmpty();
    }

    /**
     * Issue 12: with the AWS side and Redis taken away, tierlens keeps serving and says which exporters are blind:
     * their targets go down and TierlensExporterDown fires within its {@code for} plus two evaluation intervals; both
     * clear when the sources return.
     */
    @Test
    @Order(3)
    void takingAwsAndRedisAwayFiresTierlensExporterDownAndBringingThemBackClearsIt() throws Exception {
        Set<String> blind = new TreeSet<>(BLIND);
        blind.retainAll(exporters);
        assertThat(blind).as("alb, rds or session in this build").isNotEmpty();
        for (String e : blind) {
            String up = "min(tierlens_target_up{exporter=\"" + e + "\"}) == 1";
            Instant until = Instant.now().plusSeconds(30);
            while (prometheus.query(up).series() == 0 && Instant.now().isBefore(until)) {
                Thread.sleep(1_000);
            }
            assertThat(prometheus.query(up).series())
                    .as("before the blind phase: %s", up)
                    .isEqualTo(1);
        }

        BlindPhase.Timeline t =
                new BlindPhase(demo, prometheus, blind, DemoPrometheusIT::log).run(BLIND_DOWN_UNTIL, BLIND_UP_UNTIL);

        assertThat(t.badResponses())
                .as("/metrics and /-/ready while AWS and Redis are away")
                .isEmpty();
        assertThat(t.allTargetsDown())
                .as(() -> "exporters with every tierlens_target_up 0 in Prometheus within "
                        + BLIND_DOWN_UNTIL.toSeconds() + " s of taking AWS and Redis away\n" + selfMetrics())
                .containsOnlyKeys(blind);
        // Prometheus marks the alert pending at the first evaluation that sees the condition and fires it at the first
        // one FOR later; the poll adds up to a second, the HTTP round trips a little
        Duration bound = BlindPhase.FOR
                .plus(EVALUATION_INTERVAL.multipliedBy(2))
                .plus(BlindPhase.POLL)
                .plusSeconds(1);
        for (String e : blind) {
            Map<String, Duration> firing = t.firing().getOrDefault(e, Map.of());
            assertThat(firing.keySet())
                    .as("alerts firing for exporter %s while it is blind", e)
                    .containsExactlyInAnyOrderElementsOf(BlindPhase.ALERTS);
            for (Map.Entry<String, Duration> f : firing.entrySet()) {
                assertThat(f.getValue().minus(t.allTargetsDown().get(e)))
                        .as(
                                "%s for %s: from every target down in Prometheus (+%s s) to firing (+%s s), at most"
                                        + " for %s s + 2 evaluations",
                                f.getKey(),
                                e,
                                t.allTargetsDown().get(e).toSeconds(),
                                f.getValue().toSeconds(),
                                BlindPhase.FOR.toSeconds())
                        .isLessThanOrEqualTo(bound);
            }
        }
        assertThat(t.recovered())
                .as(() -> "exporters with every target up and " + BlindPhase.ALERTS + " inactive within "
                        + BLIND_UP_UNTIL.toSeconds() + " s of bringing AWS and Redis back\n" + selfMetrics())
                .containsOnlyKeys(blind);
    }

    /** tierlens' view of its exporters and the demo's log tail, for a failure message. */
    private static String selfMetrics() {
        try {
            String self = demo.metrics()
                    .lines()
                    .filter(l -> l.startsWith("tierlens_exporter_up")
                            || l.startsWith("tierlens_target_up")
                            || l.startsWith("tierlens_data_age_seconds")
                            || l.startsWith("tierlens_refresh_errors_total")
                            || l.startsWith("tierlens_alb_http_responses_per_second{")
                                    && l.contains("code_class=\"5xx\"")
                            || l.startsWith("tierlens_alb_requests_per_second{"))
                    .collect(Collectors.joining("\n"));
            return "demo /metrics now:\n" + self + "\ndemo log tail:\n"
                    + demo.process().logTail(30);
        } catch (IOException e) {
            return "(demo /metrics: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static Duration sinceStart() {
        return Duration.between(scenarioStart, Instant.now());
    }

    private static void sleepUntil(Duration sinceStart) throws InterruptedException {
        Duration left = sinceStart.minus(sinceStart());
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
    }

    private static void log(String message) {
        System.out.println("[e2e +" + (scenarioStart == null ? 0 : sinceStart().toSeconds()) + "s] " + message);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    System.out.println("[e2e] cannot delete " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.out.println("[e2e] cannot delete " + dir + ": " + e.getMessage());
        }
    }
}
