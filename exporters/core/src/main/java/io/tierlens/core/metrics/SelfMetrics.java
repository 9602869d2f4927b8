package io.tierlens.core.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.exporter.FailureReason;
import java.time.Duration;

/**
 * The counters and histograms of METRICS.md "Self". Gauges that describe the current state of exporters
 * (up, last success, data age) are computed at scrape time by {@link io.tierlens.core.exporter.ExporterSuite}.
 */
public final class SelfMetrics implements ApiCallRecorder {
    private final Histogram refreshDuration;
    private final Counter refreshErrors;
    private final Counter apiRequests;
    private final Counter cloudWatchMetricsRequested;
    private final Counter apiCost;
    private final Counter seriesDropped;
    private final Counter seriesExpired;
    private final Gauge lastReloadSuccessful;
    private final Gauge lastReloadSuccessTimestamp;

    public SelfMetrics(PrometheusRegistry registry) {
        refreshDuration = Histogram.builder()
                .name("tierlens_refresh_duration_seconds")
                .help("Wall time of one background refresh of an exporter, including its AWS/Redis/Kubernetes calls.")
                .labelNames("exporter")
                .classicOnly()
                .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
                .register(registry);
        refreshErrors = Counter.builder()
                .name("tierlens_refresh_errors")
                .help("Refreshes (or parts of refreshes) that failed, by target and bounded reason.")
                .labelNames("exporter", "target", "reason")
                .register(registry);
        apiRequests = Counter.builder()
                .name("tierlens_aws_api_requests")
                .help("AWS API request attempts by service, operation and outcome (ok, throttled, error).")
                .labelNames("service", "operation", "outcome")
                .register(registry);
        cloudWatchMetricsRequested = Counter.builder()
                .name("tierlens_cloudwatch_metrics_requested")
                .help("CloudWatch metrics requested through GetMetricData (the billed unit), by exporter.")
                .labelNames("exporter")
                .register(registry);
        apiCost = Counter.builder()
                .name("tierlens_aws_api_cost_usd")
                .help("Estimated AWS API spend caused by tierlens, in USD (GetMetricData $0.01 per 1,000 metrics,"
                        + " Cost Explorer $0.01 per request).")
                .labelNames("service")
                .register(registry);
        seriesDropped = Counter.builder()
                .name("tierlens_series_dropped")
                .help("Series left out of an exporter's snapshot by the cardinality cap (max_series).")
                .labelNames("exporter")
                .register(registry);
        seriesExpired = Counter.builder()
                .name("tierlens_series_expired")
                .help("Series of an exporter's last good data dropped because they got older than max_staleness.")
                .labelNames("exporter")
                .register(registry);
        lastReloadSuccessful = Gauge.builder()
                .name("tierlens_config_last_reload_successful")
                .help("1 if the last configuration reload succeeded (or none was tried), 0 if it was refused.")
                .register(registry);
        lastReloadSuccessTimestamp = Gauge.builder()
                .name("tierlens_config_last_reload_success_timestamp_seconds")
                .help("Unix time of the last successful configuration load (the start counts as one).")
                .register(registry);
    }

    /**
     * Makes the per-exporter series exist at 0 so
     * rate(), increase() and absent() work before the first event.
     */
    public void initExporter(String exporter) {
        refreshDuration.initLabelValues(exporter);
        cloudWatchMetricsRequested.initLabelValues(exporter);
        seriesDropped.initLabelValues(exporter);
        seriesExpired.initLabelValues(exporter);
    }

    /** Makes {@code tierlens_refresh_errors_total} exist at 0 for every reason of a newly known target. */
    public void initTarget(String exporter, String target) {
        for (String reason : FailureReason.ALL) {
            refreshErrors.initLabelValues(exporter, target, reason);
        }
    }

    public void observeRefresh(String exporter, Duration duration) {
        refreshDuration.labelValues(exporter).observe(duration.toNanos() / 1e9);
    }

    public void refreshError(String exporter, String target, String reason) {
        refreshErrors.labelValues(exporter, target, reason).inc();
    }

    public void seriesExpired(String exporter, long count) {
        seriesExpired.labelValues(exporter).inc(count);
    }

    /** The outcome of loading the configuration: at start (always a success) and at every reload. */
    public void configLoaded(boolean successful, java.time.Instant at) {
        lastReloadSuccessful.set(successful ? 1 : 0);
        if (successful) {
            lastReloadSuccessTimestamp.set(at.toEpochMilli() / 1000.0);
        }
    }

    public void cloudWatchMetricsRequested(String exporter, long metrics) {
        cloudWatchMetricsRequested.labelValues(exporter).inc(metrics);
    }

    public void seriesDropped(String exporter, long count) {
        seriesDropped.labelValues(exporter).inc(count);
    }

    @Override
    public void recordRequest(String service, String operation, ApiOutcome outcome) {
        apiRequests.labelValues(service, operation, outcome.label()).inc();
    }

    @Override
    public void recordCost(String service, double usd) {
        apiCost.labelValues(service).inc(usd);
    }
}
