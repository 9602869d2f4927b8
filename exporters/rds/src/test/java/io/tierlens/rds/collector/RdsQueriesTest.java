package io.tierlens.rds.collector;

import static io.tierlens.rds.testing.FakeRdsApi.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.core.cloudwatch.Freshness;
import io.tierlens.core.cloudwatch.FreshnessClass;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.rds.RdsConfig;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.RdsInventory;
import io.tierlens.rds.testing.EveryMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RdsQueriesTest {
    private final RdsQueries queries = new RdsQueries(EveryMinute.config(), Duration.ofSeconds(60));

    private static RdsInventory inventory(DbInstance... instances) {
        return new RdsInventory(List.of(instances), List.of(), Map.of(), Map.of(), Instant.EPOCH);
    }

    private List<String> metricStatistics(RdsInventory inv, String id) {
        return queries.queries(inv).stream()
                .filter(q -> q.dimensions().get("DBInstanceIdentifier").equals(id))
                .map(q -> q.metricName() + ":" + q.statistic())
                .toList();
    }

    @Test
    void aStandaloneGp3InstanceAsksThirteenQueriesWithTheRightStatistics() {
        RdsInventory inv = inventory(instance("db").build());

        assertThat(metricStatistics(inv, "db"))
                .containsExactly(
                        "CPUUtilization:Average",
                        "CPUUtilization:Maximum",
                        "DatabaseConnections:Maximum",
                        "FreeStorageSpace:Minimum",
                        "FreeableMemory:Minimum",
                        "SwapUsage:Maximum",
                        "ReadIOPS:Average",
                        "WriteIOPS:Average",
                        "ReadLatency:Average",
                        "ReadLatency:Maximum",
                        "WriteLatency:Average",
                        "WriteLatency:Maximum",
                        "DiskQueueDepth:Average");
    }

    @Test
    void everyQueryIsPerInstanceInAwsRdsWithThePlannerPeriodAndNoZeroFill() {
        List<MetricQuery> qs = queries.queries(inventory(instance("db").build()));
        assertThat(qs).allSatisfy(q -> {
            assertThat(q.namespace()).isEqualTo("AWS/RDS");
            assertThat(q.dimensions()).isEqualTo(Map.of("DBInstanceIdentifier", "db"));
            assertThat(q.period()).isEqualTo(Duration.ofSeconds(60));
            // RDS gauges are never "omitted when zero" like ELB counters: no datapoint means no data.
            assertThat(q.zeroWhenMissing()).isFalse();
        });
    }

    @Test
    void replicasAddReplicaLagAndGp2AddsBurstBalance() {
        RdsInventory inv = inventory(
                instance("src").replicas("rep").build(),
                instance("rep").replicaOf("src").storage("gp2", 100).build());

        assertThat(metricStatistics(inv, "src")).hasSize(13);
        assertThat(metricStatistics(inv, "rep")).hasSize(15).contains("ReplicaLag:Maximum", "BurstBalance:Minimum");
    }

    @Test
    void auroraInstancesSkipFreeStorageAndTheirReplicaLag() {
        RdsInventory inv = inventory(instance("a")
                .engine("aurora-mysql")
                .storage("aurora", 0)
                .replicaOf("x")
                .build());
        assertThat(metricStatistics(inv, "a"))
                .hasSize(12)
                .doesNotContain("FreeStorageSpace:Minimum", "ReplicaLag:Maximum");
    }

    @Test
    void instancesThatPublishNoMetricsCostNoQueries() {
        RdsInventory inv = inventory(
                instance("creating").status("creating").build(),
                instance("deleting").status("deleting").build(),
                instance("stopped").status("stopped").build(),
                instance("stopping").status("stopping").build(),
                instance("backing-up").status("backing-up").build());

        assertThat(queries.queries(inv).stream()
                        .map(q -> q.dimensions().get("DBInstanceIdentifier"))
                        .collect(Collectors.toSet()))
                .containsExactly("backing-up");
    }

    @Test
    void theOfflinePlanUsesTheCommonCase() {
        assertThat(queries.queries(RdsQueries.sizedInventory(10))).hasSize(130).doesNotHaveDuplicates();
        assertThat(queries.queries(RdsQueries.sizedInventory(0))).isEmpty();
    }

    @Test
    void theDefaultSetFetchesWhatAlertsReadEveryTwoMinutesAndTheRestEveryFifteen() {
        List<MetricQuery> defaults = new RdsQueries(Duration.ofSeconds(60)).queries(RdsQueries.sizedInventory(10));

        // 13 per gp3 instance minus the two opt-in latency maxima
        assertThat(defaults).hasSize(110);
        assertThat(defaults.stream()
                        .filter(q -> q.freshness().freshnessClass() == FreshnessClass.ALERTING)
                        .map(q -> q.metricName() + " " + q.statistic())
                        .distinct())
                .containsExactlyInAnyOrder(
                        "CPUUtilization Average", "DatabaseConnections Maximum", "FreeStorageSpace Minimum");
        assertThat(defaults)
                .filteredOn(q -> q.freshness().freshnessClass() == FreshnessClass.TREND)
                .hasSize(80)
                .allSatisfy(q -> assertThat(q.freshness().interval()).isEqualTo(Duration.ofMinutes(15)));
        assertThat(defaults)
                .noneMatch(
                        q -> q.metricName().endsWith("Latency") && q.statistic().equals("Maximum"));
    }

    @Test
    void classesOverrideTurnsOptInsOnAndSeriesOff() {
        RdsConfig c = new RdsConfig(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Duration.ofMinutes(5),
                Map.of("read_latency_max", "alerting", "swap_usage", "off"),
                null);
        List<MetricQuery> qs = new RdsQueries(c, Duration.ofSeconds(60)).queries(RdsQueries.sizedInventory(1));

        assertThat(qs).hasSize(11);
        assertThat(qs).noneMatch(q -> q.metricName().equals("SwapUsage"));
        assertThat(qs).anySatisfy(q -> {
            assertThat(q.metricName() + " " + q.statistic()).isEqualTo("ReadLatency Maximum");
            assertThat(q.freshness()).isEqualTo(Freshness.alerting(Duration.ofSeconds(120)));
        });
        assertThat(qs)
                .filteredOn(q -> q.metricName().equals("FreeableMemory"))
                .singleElement()
                .satisfies(q -> assertThat(q.freshness().interval()).isEqualTo(Duration.ofMinutes(5)));
    }
}
