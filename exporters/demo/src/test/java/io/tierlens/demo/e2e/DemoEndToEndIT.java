package io.tierlens.demo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar in demo mode as a user would (README's run command) and checks what it serves,
 * including a real {@code promtool check metrics} that must print nothing.
 */
class DemoEndToEndIT {
    private static JarProcess demo;

    @BeforeAll
    static void start() throws Exception {
        demo = JarProcess.start(List.of("-Xmx96m"), "demo", "--speed", "30", "--pushgateway-port", "0");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(demo.alive())
                            .as("demo process alive; log:\n%s", demo.log())
                            .isTrue();
                    assertThat(demo.status("/-/ready")).isEqualTo(200);
                });
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void servesEndpoints() throws Exception {
        assertThat(demo.status("/-/healthy")).isEqualTo(200);
        assertThat(demo.get("/").body()).contains("DEMO MODE");
        assertThat(demo.status("/nope")).isEqualTo(404);
        // lifecycle endpoints are off unless server.enable_reload is set, as in Prometheus
        assertThat(demo.status("/-/reload")).isEqualTo(404);
    }

    @Test
    void metricsAreLabelledDemoAndCarryEveryExporter() throws Exception {
        String body = demo.get("/metrics").body();
        assertThat(body).contains("tierlens_build_info{").contains("mode=\"demo\"");
        assertThat(body).containsPattern("tierlens_exporter_up\\{exporter=\"alb\"} 1");
        assertThat(body).contains("tierlens_alb_requests_per_second{");
        assertThat(body).contains("tierlens_alb_target_group_healthy_targets{");
        assertThat(body).contains("tierlens_aws_api_requests_total{");
        assertThat(body).contains("tierlens_cloudwatch_metrics_requested_total{exporter=\"alb\"}");
        assertThat(body).contains("tierlens_aws_api_cost_usd_total{service=\"cloudwatch\"}");
        assertThat(body).contains("tierlens_data_age_seconds{exporter=\"alb\",target=\"123456789012/ap-northeast-2\"}");
        assertThat(body).containsPattern("tierlens_exporter_up\\{exporter=\"dr\"} 1");
        assertThat(body).contains("tierlens_dr_active_site{record=\"shop.example.com\"");
        assertThat(body).contains("tierlens_dr_health_check_healthy_ratio{");
        assertThat(body).contains("tierlens_dr_probe_tls_expiry_timestamp_seconds{");
        assertThat(body).contains("tierlens_dr_rpo_seconds{site=\"dr\"}");
        assertThat(body).containsPattern("tierlens_exporter_up\\{exporter=\"batch\"} 1");
        assertThat(body).contains("tierlens_job_cronjob_created_timestamp_seconds{");
    }

    @Test
    void databaseAndBackupSeriesAreServed() throws Exception {
        String body = demo.get("/metrics").body();
        assertThat(body).containsPattern("tierlens_exporter_up\\{exporter=\"rds\"} 1");
        assertThat(body).containsPattern("tierlens_exporter_up\\{exporter=\"backup\"} 1");
        assertThat(body).contains("tierlens_rds_instance_info{").contains("db_instance=\"shop-db-2\"");
        assertThat(body).contains("tierlens_rds_cpu_utilization_ratio{");
        assertThat(body).contains("tierlens_rds_replica_lag_seconds{");
        assertThat(body).contains("tierlens_cloudwatch_metrics_requested_total{exporter=\"rds\"}");
        assertThat(body).contains("tierlens_backup_rds_latest_restorable_timestamp_seconds{");
        assertThat(body).contains("tierlens_backup_jobs{");
        assertThat(body).contains("tierlens_backup_rpo_target_seconds{");
        assertThat(body).contains("tierlens_aws_api_requests_total{operation=\"ListBackupJobs\"");
    }

    @Test
    void promtoolCheckMetricsPrintsNothing() throws Exception {
        String body = demo.get("/metrics").body();
        assertThat(Promtool.checkMetrics(body)).isEmpty();
    }
}
