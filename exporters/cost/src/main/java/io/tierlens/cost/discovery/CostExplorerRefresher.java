package io.tierlens.cost.discovery;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult.PartialFailure;
import io.tierlens.cost.CostExplorerConfig;
import io.tierlens.cost.client.CostExplorerApi;
import io.tierlens.cost.client.CostExplorerApi.CostPage;
import io.tierlens.cost.model.CostExplorerReport;
import io.tierlens.cost.model.ServiceCost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Month to date and forecast from Cost Explorer, at most once per {@code refresh} (6h or more). Every request
 * is billed $0.01 and added to {@code tierlens_aws_api_cost_usd_total{service="costexplorer"}}. A failure is
 * retried after an hour, not at every refresh, so a missing permission cannot run up a bill of retries.
 */
public final class CostExplorerRefresher {
    public static final String SERVICE = "costexplorer";
    public static final double USD_PER_REQUEST = 0.01;
    static final Duration RETRY = Duration.ofHours(1);

    private final CostExplorerApi api;
    private final CostExplorerConfig config;
    private final ApiCallRecorder recorder;
    private final Clock clock;
    private Instant next;
    private CostExplorerReport report;

    public CostExplorerRefresher(
            CostExplorerApi api, CostExplorerConfig config, ApiCallRecorder recorder, Clock clock) {
        this.api = api;
        this.config = config;
        this.recorder = recorder;
        this.clock = clock;
    }

    public Optional<CostExplorerReport> report() {
        return Optional.ofNullable(report);
    }

    public List<PartialFailure> refreshIfDue() {
        Instant now = clock.instant();
        if (!config.enabled() || (next != null && now.isBefore(next))) {
            return List.of();
        }
        try {
            report = fetch(LocalDate.ofInstant(now, ZoneOffset.UTC), now);
            next = now.plus(config.refresh());
            return List.of();
        } catch (RuntimeException e) {
            next = now.plus(RETRY);
            return List.of(new PartialFailure(
                    FailureReason.of(e),
                    "Cost Explorer failed (" + e.getClass().getSimpleName() + "); next try in 1h"
                            + (report == null ? "" : ", serving its last answer")));
        }
    }

    private CostExplorerReport fetch(LocalDate today, Instant now) {
        LocalDate first = today.withDayOfMonth(1);
        LocalDate nextMonth = first.plusMonths(1);
        Map<String, Double> mtd = new TreeMap<>();
        if (today.isAfter(first)) {
            // up to yesterday: today's partial day is part of the forecast period
            Optional<String> token = Optional.empty();
            do {
                CostPage page = api.costByService(first, today, token);
                charge();
                for (ServiceCost c : page.costs()) {
                    mtd.merge(c.service(), c.usd(), Double::sum);
                }
                token = page.nextPageToken();
            } while (token.isPresent());
        }
        Map<String, Double> forecast = new LinkedHashMap<>();
        double total = mtd.values().stream().mapToDouble(Double::doubleValue).sum();
        forecast.put(CostExplorerReport.TOTAL, total + forecast(today, nextMonth, Optional.empty()));
        Map<String, Double> byService = new HashMap<>(mtd);
        for (String s : config.forecastServices()) {
            forecast.put(s, byService.getOrDefault(s, 0.0) + forecast(today, nextMonth, Optional.of(s)));
        }
        return new CostExplorerReport(
                mtd.entrySet().stream()
                        .map(e -> new ServiceCost(e.getKey(), e.getValue()))
                        .toList(),
                forecast,
                now);
    }

    private double forecast(LocalDate start, LocalDate end, Optional<String> service) {
        double v = api.forecast(start, end, service);
        charge();
        return v;
    }

    private void charge() {
        recorder.recordCost(SERVICE, USD_PER_REQUEST);
    }
}
