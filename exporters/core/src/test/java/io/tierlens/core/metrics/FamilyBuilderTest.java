package io.tierlens.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.testing.Scraped;
import io.tierlens.core.testing.TextExposition;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FamilyBuilderTest {

    @Test
    void counterIsNamedAsExposedAndBuiltWithoutItsSuffix() {
        MetricSnapshot s = FamilyBuilder.counter("tierlens_backup_jobs_total", "jobs", "state")
                .add(3, "failed")
                .build();

        assertThat(s).isInstanceOf(CounterSnapshot.class);
        assertThat(s.getMetadata().getName()).isEqualTo("tierlens_backup_jobs");
        assertThat(Scraped.value(MetricSnapshots.of(s), "tierlens_backup_jobs_total", "state", "failed"))
                .hasValue(3);
        assertThat(TextExposition.render(MetricSnapshots.of(s)))
                .contains("tierlens_backup_jobs_total{state=\"failed\"} 3.0");
    }

    @Test
    void infoIsNamedAsExposedAndHasValueOne() {
        MetricSnapshot s = FamilyBuilder.info("tierlens_alb_info", "load balancers", "load_balancer", "scheme")
                .addInfo("web", "internet-facing")
                .build();

        assertThat(s).isInstanceOf(InfoSnapshot.class);
        assertThat(TextExposition.render(MetricSnapshots.of(s)))
                .contains("tierlens_alb_info{load_balancer=\"web\",scheme=\"internet-facing\"} 1");
    }

    @Test
    void aGaugePointAddedAtATimestampIsExposedWithItAndOthersWithout() {
        MetricSnapshot s = FamilyBuilder.gauge("tierlens_rds_free_storage_bytes", "free", "db_instance")
                .addAt(7, java.time.Instant.parse("2026-01-01T12:00:00Z"), "db1")
                .add(8, "db2")
                .build();

        String text = TextExposition.render(MetricSnapshots.of(s));
        assertThat(text)
                .contains("tierlens_rds_free_storage_bytes{db_instance=\"db1\"} 7.0 1767268800000")
                .containsPattern("tierlens_rds_free_storage_bytes\\{db_instance=\"db2\"} 8.0\\n");
    }

    @Test
    void gaugeKeepsItsName() {
        MetricSnapshot s = FamilyBuilder.gauge("tierlens_rds_free_storage_bytes", "free", "db_instance")
                .add(1.5e9, "db1")
                .build();

        assertThat(s).isInstanceOf(GaugeSnapshot.class);
        assertThat(s.getMetadata().getName()).isEqualTo("tierlens_rds_free_storage_bytes");
    }

    @Test
    void counterNameWithoutTotalIsRefused() {
        assertThatThrownBy(() -> FamilyBuilder.counter("tierlens_backup_jobs", "jobs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("_total");
    }

    @Test
    void infoNameWithoutInfoIsRefused() {
        assertThatThrownBy(() -> FamilyBuilder.info("tierlens_alb", "albs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("_info");
    }

    @Test
    void duplicateLabelValuesAreIgnoredAndCounted() {
        FamilyBuilder f = FamilyBuilder.gauge("tierlens_test", "t", "a", "b")
                .add(1, "x", "y")
                .add(2, "x", "y")
                .add(3, "x", "z")
                .add(4, "x", "y");

        assertThat(f.size()).isEqualTo(2);
        assertThat(f.duplicates()).isEqualTo(2);
        assertThat(Scraped.value(MetricSnapshots.of(f.build()), "tierlens_test", "a", "x", "b", "y"))
                .hasValue(1);
    }

    @Test
    void nullLabelValueIsEmptyAndCollidesWithEmpty() {
        FamilyBuilder f = FamilyBuilder.gauge("tierlens_test", "t", "ingress")
                .add(1, (String) null)
                .add(2, "");

        assertThat(f.size()).isEqualTo(1);
        assertThat(f.duplicates()).isEqualTo(1);
        assertThat(Scraped.value(MetricSnapshots.of(f.build()), "tierlens_test", "ingress", ""))
                .hasValue(1);
    }

    @Test
    void wrongNumberOfLabelValuesThrows() {
        FamilyBuilder f = FamilyBuilder.gauge("tierlens_test", "t", "a", "b");

        assertThatThrownBy(() -> f.add(1, "only-one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tierlens_test")
                .hasMessageContaining("[a, b]");
        assertThatThrownBy(() -> f.add(1, "x", "y", "z")).isInstanceOf(IllegalArgumentException.class);
        assertThat(f.size()).isZero();
    }

    @Test
    void assemblerAddsToOneFamilyFromSeveralPlacesAndLeavesEmptyOnesOut() {
        SnapshotAssembler a = new SnapshotAssembler();
        a.gauge("tierlens_test_a", "a", "id").add(1, "x");
        a.gauge("tierlens_test_a", "a", "id").add(2, "y").add(3, "y");
        a.counter("tierlens_test_b_total", "b", "id");
        a.info("tierlens_test_info", "c", "id").addInfo("x");

        MetricSnapshots s = a.build();

        assertThat(Scraped.names(s)).containsExactlyInAnyOrder("tierlens_test_a", "tierlens_test_info");
        assertThat(Scraped.value(s, "tierlens_test_a", "id", "x")).hasValue(1);
        assertThat(Scraped.value(s, "tierlens_test_a", "id", "y")).hasValue(2);
        assertThat(a.duplicates()).isEqualTo(1);
    }

    /** Every kind of family, with label values and help texts that need escaping. */
    private static MetricSnapshots awkwardSnapshot() {
        SnapshotAssembler a = new SnapshotAssembler();
        a.info("tierlens_alb_info", "Load balancers.", "load_balancer", "dns_name", "ingress")
                .addInfo("k8s-web-1", "k8s-web-1.eu-west-1.elb.amazonaws.com", "shop/web")
                .addInfo("odd \"quoted\" \\ name\nline", "x", null);
        a.gauge(
                        "tierlens_alb_target_response_time_seconds",
                        "Latency with \\ and\nnewline in help.",
                        "load_balancer",
                        "statistic")
                .add(0.012, "k8s-web-1", "p99")
                .add(Double.NaN, "k8s-web-1", "average")
                .add(Double.POSITIVE_INFINITY, "k8s-web-1", "p50");
        a.counter("tierlens_backup_jobs_total", "Jobs.", "state")
                .add(12, "completed")
                .add(0, "failed");
        a.gauge("tierlens_build_time_seconds", "No labels.").add(1.7e9);

        return a.build();
    }

    @Test
    void expositionOfAssembledSnapshotsIsValidTextFormat() {
        String text = TextExposition.render(awkwardSnapshot());

        assertThat(TextExposition.problems(text)).isEmpty();
        assertThat(text)
                .contains("# TYPE tierlens_alb_info gauge")
                .contains("# TYPE tierlens_backup_jobs_total counter")
                .contains("tierlens_backup_jobs_total{state=\"completed\"} 12.0")
                .contains("load_balancer=\"odd \\\"quoted\\\" \\\\ name\\nline\"")
                .contains(
                        "tierlens_alb_target_response_time_seconds{load_balancer=\"k8s-web-1\",statistic=\"average\"} NaN");
    }

    @Test
    void promtoolAcceptsTheExpositionWhereItIsInstalled() throws Exception {
        Path promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        assumeTrue(promtool != null, "promtool is not installed");
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (var in = p.getOutputStream()) {
            in.write(TextExposition.render(awkwardSnapshot()).getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
