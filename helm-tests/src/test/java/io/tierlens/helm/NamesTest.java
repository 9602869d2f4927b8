package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Long release names: every object keeps a name Kubernetes accepts, and no two objects share (kind, namespace,
 * name). Plain truncation made the dashboard ConfigMaps collide from 41 characters on, and every PrometheusRule
 * and every perGroup object at 53.
 */
class NamesTest {
    /** Helm's own limit for a release name. */
    private static final String RELEASE_53 = "shop-payments-production-ap-northeast-2-blue-canary-1";
    /** The longest fullnameOverride a Kubernetes name allows. */
    private static final String FULLNAME_63 = "shop-payments-production-ap-northeast-2-blue-canary-tierlens-01";

    /** Two jobs whose names share a 30-character prefix: cut at 52 without a hash, their CronJobs collided. */
    private static final String JOBS = """
            batch:
              pushgateway: http://pushgateway:9091
              jobs:
                - {name: nightly-database-dump-to-dr-site-primary, schedule: "0 3 * * *", command: [a]}
                - {name: nightly-database-dump-to-dr-site-replica, schedule: "0 4 * * *", command: [b]}
            """;

    private final Chart chart = Chart.repository();

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "single, release",
        "single, fullnameOverride",
        "perGroup, release",
        "perGroup, fullnameOverride",
        "ha, release",
        "ha, fullnameOverride",
        "sharded, release",
        "sharded, fullnameOverride",
    })
    void longNamesStayUniqueAndShortEnough(String mode, String how) {
        String modeValues = switch (mode) {
            case "perGroup" -> "deploymentMode: perGroup";
            case "ha" -> "mode: ha\ndeploymentMode: perGroup";
            case "sharded" -> "mode: sharded\nsharding: {shards: 4, replicasPerShard: 2}";
            default -> "mode: single";
        };
        String release = how.equals("release") ? RELEASE_53 : "shop";
        String naming = how.equals("release") ? "{}" : "fullnameOverride: " + FULLNAME_63;
        Manifests m = Manifests.parse(chart.render(
                release,
                List.of(),
                "config: {regions: [eu-west-1], exporters: {batch: {enabled: true}, dr: {enabled: true}}}",
                modeValues,
                naming,
                JOBS,
                Chart.OPERATOR,
                "alertmanagerConfig: {enabled: true}",
                "extraAlertRules: [{name: extra, rules: [{record: x, expr: '1'}]}]"));

        Map<String, HasMetadata> seen = new HashMap<>();
        for (HasMetadata r : m.resources()) {
            String name = r.getMetadata().getName();
            String key = r.getKind() + " "
                    + (r instanceof Namespaced ? r.getMetadata().getNamespace() : "") + " " + name;
            assertThat(seen.put(key, r)).as("two objects named %s", key).isNull();
            assertThat(name.length()).as("%s %s", r.getKind(), name).isLessThanOrEqualTo(63);
            assertThat(name).as("%s %s", r.getKind(), name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
        // the controllers append suffixes: 11 characters to a CronJob's Jobs, a revision hash to a StatefulSet's
        m.all(CronJob.class)
                .forEach(c -> assertThat(c.getMetadata().getName().length()).isLessThanOrEqualTo(52));
        m.all(StatefulSet.class)
                .forEach(s -> assertThat(s.getMetadata().getName().length()).isLessThanOrEqualTo(52));
        assertThat(m.all(CronJob.class)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"short-name", "shop-payments-production-ap-northeast-2-blue-canary-tierlens-01-extra-long"})
    void theSameInputGivesTheSameName(String fullname) {
        String a = chart.render(List.of(), "fullnameOverride: " + fullname);
        String b = chart.render(List.of(), "fullnameOverride: " + fullname);
        assertThat(a).isEqualTo(b);
    }

    @org.junit.jupiter.api.Test
    void aReleaseNameHelmRefusesIsRefused() {
        // 54 characters: Helm's limit, not the chart's, so no name the chart builds starts longer than 53
        Throwable t = catchThrowable(() -> chart.render(RELEASE_53 + "x", List.of()));
        assertThat(t).isNotNull();
    }
}
