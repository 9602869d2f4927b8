package io.tierlens.cost.client;

import io.tierlens.cost.model.ServiceCost;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.DimensionValues;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastRequest;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.Metric;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/** {@link CostExplorerApi} over the SDK; the client must be built for us-east-1. */
public final class SdkCostExplorerApi implements CostExplorerApi, AutoCloseable {
    private static final String UNBLENDED = "UnblendedCost";

    private final CostExplorerClient client;

    public SdkCostExplorerApi(CostExplorerClient client) {
        this.client = client;
    }

    @Override
    public CostPage costByService(LocalDate start, LocalDate end, Optional<String> pageToken) {
        GetCostAndUsageResponse r = client.getCostAndUsage(GetCostAndUsageRequest.builder()
                .timePeriod(interval(start, end))
                .granularity(Granularity.MONTHLY)
                .metrics(UNBLENDED)
                .groupBy(GroupDefinition.builder()
                        .type(GroupDefinitionType.DIMENSION)
                        .key("SERVICE")
                        .build())
                .nextPageToken(pageToken.orElse(null))
                .build());
        List<ServiceCost> costs = new ArrayList<>();
        for (ResultByTime t : r.resultsByTime()) {
            for (Group g : t.groups()) {
                var metric = g.metrics().get(UNBLENDED);
                if (!g.keys().isEmpty() && metric != null && metric.amount() != null) {
                    costs.add(new ServiceCost(g.keys().get(0), Double.parseDouble(metric.amount())));
                }
            }
        }
        return new CostPage(costs, Optional.ofNullable(r.nextPageToken()).filter(s -> !s.isEmpty()));
    }

    @Override
    public double forecast(LocalDate start, LocalDate end, Optional<String> service) {
        GetCostForecastRequest.Builder b = GetCostForecastRequest.builder()
                .timePeriod(interval(start, end))
                .metric(Metric.UNBLENDED_COST)
                .granularity(Granularity.MONTHLY);
        service.ifPresent(s -> b.filter(Expression.builder()
                .dimensions(DimensionValues.builder()
                        .key(Dimension.SERVICE)
                        .values(s)
                        .build())
                .build()));
        return Double.parseDouble(client.getCostForecast(b.build()).total().amount());
    }

    private static DateInterval interval(LocalDate start, LocalDate end) {
        return DateInterval.builder()
                .start(start.toString())
                .end(end.toString())
                .build();
    }

    @Override
    public void close() {
        client.close();
    }
}
