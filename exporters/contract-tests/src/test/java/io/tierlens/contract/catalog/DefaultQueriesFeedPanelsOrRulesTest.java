package io.tierlens.contract.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.alb.AlbConfig;
import io.tierlens.alb.collector.AlbQueries;
import io.tierlens.alb.collector.AlbSeries;
import io.tierlens.contract.RepoRoot;
import io.tierlens.contract.dashboards.DashboardFiles;
import io.tierlens.contract.rules.RuleFile;
import io.tierlens.contract.rules.RuleFiles;
import io.tierlens.rds.RdsConfig;
import io.tierlens.rds.collector.RdsQueries;
import io.tierlens.rds.collector.RdsSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every CloudWatch query of the default ALB and RDS sets is paid for, so each must feed a dashboard panel or a rule:
 * some expression in dashboards/ or alerts/ selects its family with label matchers its labels satisfy
 * ({@code statistic}, {@code source}, {@code code_class}). Queries nothing reads belong in the opt-in set
 * (docs/cloudwatch-cost.md).
 */
class DefaultQueriesFeedPanelsOrRulesTest {
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final Path root = RepoRoot.get();

    private List<String> expressions() {
        List<String> out = new ArrayList<>();
        DashboardFiles.queries(root).forEach(q -> out.add(q.expanded()));
        for (RuleFile f : RuleFiles.readAll(root)) {
            f.rules().forEach(r -> out.add(r.expr()));
        }
        return out;
    }

    @Test
    void everyDefaultAlbQueryFeedsAPanelOrARule() {
        List<String> exprs = expressions();
        AlbQueries queries =
                new AlbQueries(new AlbConfig(null, null, null, null, null, null, null, null, null), MINUTE);
        List<String> unread = new ArrayList<>();
        for (AlbQueries.PlannedQuery p : queries.plan(AlbQueries.sizedInventory(1, 1))) {
            AlbSeries s = p.series();
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < s.fixedLabelValues().size(); i++) {
                labels.put(s.family().extraLabels().get(i), s.fixedLabelValues().get(i));
            }
            if (s.family().extraLabels().contains("statistic")) {
                labels.put("statistic", p.statistic());
            }
            if (!readBySome(exprs, s.family().metricName(), labels)) {
                unread.add(s.family().metricName() + labels + " (" + p.query() + ")");
            }
        }
        assertThat(unread).as("default ALB queries no panel or rule reads").isEmpty();
    }

    @Test
    void everyDefaultRdsQueryFeedsAPanelOrARule() {
        List<String> exprs = expressions();
        RdsQueries queries = new RdsQueries(RdsConfig.defaults(), MINUTE);
        List<String> unread = new ArrayList<>();
        for (RdsQueries.PlannedQuery p : queries.plan(RdsQueries.sizedInventory(1))) {
            RdsSeries s = p.series();
            Map<String, String> labels = new LinkedHashMap<>();
            s.statisticLabel().ifPresent(v -> labels.put("statistic", v));
            if (!readBySome(exprs, s.family().metricName(), labels)) {
                unread.add(s.family().metricName() + labels);
            }
        }
        assertThat(unread).as("default RDS queries no panel or rule reads").isEmpty();
    }

    @Test
    void aPinnedLabelThatDoesNotMatchDoesNotCountAsReading() {
        List<String> exprs = List.of("max(x_seconds{job=~\"$job\", statistic=\"p99\"}) + y_total");
        assertThat(readBySome(exprs, "x_seconds", Map.of("statistic", "p99"))).isTrue();
        assertThat(readBySome(exprs, "x_seconds", Map.of("statistic", "average")))
                .isFalse();
        assertThat(readBySome(exprs, "y_total", Map.of("statistic", "average"))).isTrue();
        assertThat(readBySome(exprs, "x", Map.of())).isFalse();
    }

    /** Whether some selector of {@code family} in some expression accepts these label values. */
    static boolean readBySome(List<String> exprs, String family, Map<String, String> labels) {
        Pattern selector =
                Pattern.compile("(?<![a-zA-Z0-9_:])" + Pattern.quote(family) + "(?![a-zA-Z0-9_:])(\\{[^}]*\\})?");
        for (String e : exprs) {
            Matcher m = selector.matcher(e);
            while (m.find()) {
                if (accepts(m.group(1) == null ? "" : m.group(1), labels)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean accepts(String matchers, Map<String, String> labels) {
        Matcher m = MATCHER.matcher(matchers);
        while (m.find()) {
            String value = labels.get(m.group(1));
            if (value == null) {
                continue; // a label the query does not decide (job, load_balancer, ...)
            }
            boolean ok = switch (m.group(2)) {
                case "=" -> value.equals(m.group(3));
                case "!=" -> !value.equals(m.group(3));
                case "=~" -> value.matches(m.group(3));
                default -> !value.matches(m.group(3));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
