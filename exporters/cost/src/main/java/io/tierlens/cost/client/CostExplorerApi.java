package io.tierlens.cost.client;

import io.tierlens.cost.model.ServiceCost;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * AWS Cost Explorer (served from us-east-1). One method call is one request, because every request is billed
 * ($0.01) and the caller counts them.
 */
public interface CostExplorerApi {

    /** One page of GetCostAndUsage: unblended cost by SERVICE over [start, end), monthly granularity. */
    CostPage costByService(LocalDate start, LocalDate end, Optional<String> pageToken);

    /** GetCostForecast of the unblended cost over [start, end), optionally for one SERVICE. */
    double forecast(LocalDate start, LocalDate end, Optional<String> service);

    record CostPage(List<ServiceCost> costs, Optional<String> nextPageToken) {
        public CostPage {
            costs = List.copyOf(costs);
        }
    }
}
