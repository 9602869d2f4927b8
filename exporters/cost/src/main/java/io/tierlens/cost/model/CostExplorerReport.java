package io.tierlens.cost.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Cost Explorer said at {@code fetchedAt}.
 *
 * @param monthToDate unblended cost by service from the first of the month to yesterday
 * @param monthForecast month-to-date plus the forecast for the rest of the month, for {@code total} and the
 *     configured services
 */
public record CostExplorerReport(List<ServiceCost> monthToDate, Map<String, Double> monthForecast, Instant fetchedAt) {

    public static final String TOTAL = "total";

    public CostExplorerReport {
        monthToDate = List.copyOf(monthToDate);
        monthForecast = Map.copyOf(monthForecast);
    }
}
