package io.tierlens.demo.cost;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.cost.client.CostExplorerApi;
import io.tierlens.cost.model.ServiceCost;
import io.tierlens.demo.Scenario;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo's Cost Explorer: a small 3-tier account's daily spend by service, with a little noise per day. */
final class SimulatedCostExplorer implements CostExplorerApi {
    static final Map<String, Double> DAILY_USD = Map.of(
            "Amazon Elastic Compute Cloud - Compute", 38.0,
            "Amazon Relational Database Service", 21.0,
            "Elastic Load Balancing", 2.1,
            "EC2 - Other", 6.4,
            "Amazon Elastic Container Service for Kubernetes", 2.4,
            "AmazonCloudWatch", 1.2);

    private final ApiCallRecorder recorder;

    SimulatedCostExplorer(ApiCallRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public CostPage costByService(LocalDate start, LocalDate end, Optional<String> pageToken) {
        recorder.recordRequest("costexplorer", "GetCostAndUsage", ApiOutcome.OK);
        List<ServiceCost> costs = new ArrayList<>();
        DAILY_USD.forEach((service, daily) -> costs.add(new ServiceCost(service, spend(service, daily, start, end))));
        return new CostPage(costs, Optional.empty());
    }

    @Override
    public double forecast(LocalDate start, LocalDate end, Optional<String> service) {
        recorder.recordRequest("costexplorer", "GetCostForecast", ApiOutcome.OK);
        return service.map(s -> spend(s, DAILY_USD.getOrDefault(s, 0.0), start, end))
                .orElseGet(() -> DAILY_USD.entrySet().stream()
                        .mapToDouble(e -> spend(e.getKey(), e.getValue(), start, end))
                        .sum());
    }

    private static double spend(String service, double daily, LocalDate start, LocalDate end) {
        double sum = 0;
        for (LocalDate d = start; d.isBefore(end); d = d.plus(1, ChronoUnit.DAYS)) {
            sum += daily * (0.9 + 0.2 * Scenario.noise(service, d.toEpochDay()));
        }
        return Math.round(sum * 100) / 100.0;
    }
}
