package io.tierlens.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.catalog.MetricCatalog;
import io.tierlens.contract.promql.PromqlNames;
import io.tierlens.contract.rules.RuleFile.Rule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The conventions of the alert rules (kubernetes-mixin style) that promtool does not check. */
class RuleConventionsTest {
    static final String RUNBOOK_BASE = "https://github.com/tierlens/tierlens/blob/main/alerts/runbooks.md#";

    /**
     * The only alerts that may page: monitoring gone, users cut off (no healthy target with traffic, the whole WAS
     * tier or the database or session store down, the availability budget burning fast, storage about to fill),
     * the DR site serving, and a recovery point objective missed. Everything else is a ticket or information.
     */
    static final Set<String> CRITICAL = Set.of(
            "TierlensExporterAbsent", // monitoring gone: no tierlens at all
            "TierlensExporterNoLeader", // monitoring gone: a shard without a working leader
            "TierlensAlbTargetGroupNoHealthyTargets", // no healthy targets while receiving traffic
            "TierlensAlbErrorBudgetBurnFast", // ALB 5xx SLO burn
            "TierlensWasDown", // every WAS instance down
            "TierlensRdsInstanceUnavailable", // DB unavailable
            "TierlensRdsStorageAboutToFill", // DB storage about to fill
            "TierlensSessionStoreDown", // session store down
            "TierlensDrFailoverActive", // DR failover active
            "TierlensBackupRpoMissed", // a required mechanism's newest copy is older than the RPO
            "TierlensBackupNoRestorableCopy", // a required mechanism has no copy at all
            "TierlensDrRpoExceeded"); // the DR site has no copy within its RPO

    /** State alerts wait 15 minutes; these wait less, for the reason given in their rule file. */
    static final Map<String, Duration> SHORTER_FOR = Map.ofEntries(
            Map.entry("TierlensAlbErrorBudgetBurnFast", Duration.ofMinutes(2)), // burn-rate windows already debounce
            Map.entry("TierlensAlbLatencyBudgetBurnFast", Duration.ofMinutes(2)),
            // pages that must come within minutes
            Map.entry("TierlensAlbTargetGroupNoHealthyTargets", Duration.ofMinutes(5)),
            Map.entry("TierlensRdsInstanceUnavailable", Duration.ofMinutes(5)),
            Map.entry("TierlensSessionStoreDown", Duration.ofMinutes(5)),
            Map.entry("TierlensWasDown", Duration.ofMinutes(5)),
            Map.entry("TierlensExporterAbsent", Duration.ofMinutes(5)),
            Map.entry("TierlensExporterNoLeader", Duration.ofMinutes(5)),
            Map.entry("TierlensDrFailoverActive", Duration.ofMinutes(5)), // Route53 has already debounced the failover
            // a recorded fact that only the next drill changes
            Map.entry("TierlensDrDrillRtoExceeded", Duration.ofMinutes(5)),
            // one blind target shows before the exporter-level alerts (15m), which wait for every target
            Map.entry("TierlensExporterTargetDown", Duration.ofMinutes(10)));

    /**
     * Age alerts compare a growing age with a configured target, which is already the grace: they wait exactly
     * 5 minutes, because a longer wait can outlast a miss that the next copy ends (TierlensDrRpoExceeded once
     * waited 30 minutes and could not fire).
     */
    static final Set<String> AGE_ALERTS = Set.of("TierlensBackupRpoMissed", "TierlensDrRpoExceeded");

    /** Backup states (no copy yet, PITR lagging) wait at least 30 minutes: a plan's first run may be that late. */
    static final Set<String> BACKUP_STATE_ALERTS =
            Set.of("TierlensBackupNoRestorableCopy", "TierlensBackupRdsPitrLagging");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Path root = RepoRoot.get();
    private final List<RuleFile> files = RuleFiles.readAll(root);

    @Test
    void alertNamesCarryTheirAreasPrefixAndAreUnique() {
        Set<String> names = new HashSet<>();
        for (RuleFile f : files) {
            String prefix = RuleFiles.prefix(RuleFiles.area(f.path()));
            for (Rule r : f.alerts()) {
                assertThat(r.alert().get()).as(f.path().toString()).startsWith(prefix);
                assertThat(names.add(r.alert().get()))
                        .as("duplicate %s", r.alert().get())
                        .isTrue();
            }
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void everyAlertHasSeverityAndTheMandatoryAnnotations() {
        for (Rule r : alerts()) {
            String name = r.alert().get();
            assertThat(r.labels().get("severity")).as(name).isIn("critical", "warning", "info");
            assertThat(r.annotations()).as(name).containsKeys("summary", "description", "runbook_url");
            assertThat(r.annotations().get("summary")).as(name).isNotBlank();
            assertThat(r.annotations().get("description")).as(name).isNotBlank();
            assertThat(r.annotations().get("runbook_url")).as(name).isEqualTo(RUNBOOK_BASE + name.toLowerCase());
        }
    }

    @Test
    void onlyWhatMustWakeSomeoneIsCritical() {
        Set<String> critical = new HashSet<>();
        alerts().stream()
                .filter(r -> "critical".equals(r.labels().get("severity")))
                .forEach(r -> critical.add(r.alert().get()));
        assertThat(critical).containsExactlyInAnyOrderElementsOf(CRITICAL);
    }

    @Test
    void forDurationsFollowThePolicy() {
        for (RuleFile f : files) {
            String area = RuleFiles.area(f.path());
            for (Rule r : f.alerts()) {
                String name = r.alert().get();
                assertThat(r.forDuration()).as("%s has an explicit for", name).isPresent();
                Duration d = duration(r.forDuration().get());
                if (area.equals("cost")) {
                    assertThat(d).as(name).isGreaterThanOrEqualTo(Duration.ofHours(1));
                } else if (AGE_ALERTS.contains(name)) {
                    assertThat(d).as(name).isEqualTo(Duration.ofMinutes(5));
                } else if (BACKUP_STATE_ALERTS.contains(name)) {
                    assertThat(d).as(name).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
                } else if (SHORTER_FOR.containsKey(name)) {
                    assertThat(d).as(name).isEqualTo(SHORTER_FOR.get(name));
                } else {
                    assertThat(d).as(name).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
                }
            }
        }
    }

    @Test
    void alertsOfAnExporterAreaNameTheirExporterForInhibition() {
        for (RuleFile f : files) {
            String area = RuleFiles.area(f.path());
            for (Rule r : f.alerts()) {
                if (area.equals("job") || area.equals("exporter") || area.equals("was")) {
                    // job data comes from the Pushgateway and WAS data from Micrometer, neither through tierlens,
                    // so a tierlens outage must not inhibit them; exporter alerts carry the exporter label of
                    // their data
                    assertThat(r.labels()).as(r.alert().get()).doesNotContainKey("exporter");
                } else {
                    assertThat(r.labels().get("exporter")).as(r.alert().get()).isEqualTo(RuleFiles.exporter(area));
                }
            }
        }
    }

    @Test
    void rulesReadOnlyKnownMetrics() {
        Set<String> recorded = new HashSet<>();
        files.forEach(f -> recorded.addAll(f.recordedNames()));
        MetricCatalog catalog = MetricCatalog.load(root, recorded);
        List<String> unknown = new ArrayList<>();
        for (RuleFile f : files) {
            for (Rule r : f.rules()) {
                for (String name : PromqlNames.metricNames(r.expr())) {
                    if (catalog.lookup(name).isEmpty()) {
                        unknown.add(f.path().getFileName() + " "
                                + r.alert().or(r::record).orElse("?") + ": " + name);
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    /**
     * For every alert a promtool case where it must be silent one evaluation before it fires, and one where it
     * fires with labels and all three annotations (promtool compares them completely).
     */
    @Test
    void everyAlertIsTestedJustBeforeAndWhenItFires() throws IOException {
        List<String> problems = new ArrayList<>();
        for (RuleFile f : files) {
            Path testFile = RuleFiles.alertsDir(root).resolve("tests").resolve(RuleFiles.stem(f.path()) + ".test.yaml");
            JsonNode tests = YAML.readTree(testFile.toFile());
            Duration interval = duration(tests.path("evaluation_interval").asText("1m"));
            for (Rule r : f.alerts()) {
                String name = r.alert().get();
                Set<Duration> silent = new HashSet<>();
                Set<Duration> firing = new HashSet<>();
                for (JsonNode group : tests.path("tests")) {
                    for (JsonNode c : group.path("alert_rule_test")) {
                        if (!c.path("alertname").asText().equals(name)) {
                            continue;
                        }
                        Duration at = duration(c.path("eval_time").asText());
                        if (c.path("exp_alerts").isEmpty()) {
                            silent.add(at);
                            continue;
                        }
                        firing.add(at);
                        for (JsonNode exp : c.path("exp_alerts")) {
                            if (!exp.path("exp_labels").has("severity")) {
                                problems.add(name + " at " + at + ": exp_labels without severity");
                            }
                            for (String a : List.of("summary", "description", "runbook_url")) {
                                if (!exp.path("exp_annotations").has(a)) {
                                    problems.add(name + " at " + at + ": exp_annotations without " + a);
                                }
                            }
                        }
                    }
                }
                boolean justBefore = firing.stream().anyMatch(t -> silent.contains(t.minus(interval)));
                if (firing.isEmpty()) {
                    problems.add(name + ": no case where it fires");
                } else if (!justBefore) {
                    problems.add(name + ": no silent case one evaluation before a firing case (fires at " + firing
                            + ", silent at " + silent + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private List<Rule> alerts() {
        return files.stream().flatMap(f -> f.alerts().stream()).toList();
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");

    static Duration duration(String text) {
        Duration total = Duration.ZERO;
        Matcher m = DURATION.matcher(text);
        int matched = 0;
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
            matched += m.group().length();
        }
        if (matched != text.length()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }
}
