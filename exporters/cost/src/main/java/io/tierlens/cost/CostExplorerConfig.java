package io.tierlens.cost;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.time.Duration;
import java.util.List;

/**
 * {@code exporters.cost.cost_explorer:} month to date and forecast from Cost Explorer. Off by default: every
 * request costs $0.01.
 *
 * @param refresh at least 6h (the default): Cost Explorer data changes a few times a day
 * @param forecastServices services (as Cost Explorer names them) that get their own forecast, one extra
 *     request each per refresh
 */
public record CostExplorerConfig(Boolean enabled, Duration refresh, List<String> forecastServices)
        implements ConfigChecked {
    public static final Duration MIN_REFRESH = Duration.ofHours(6);

    public CostExplorerConfig {
        enabled = enabled != null && enabled;
        refresh = refresh == null ? MIN_REFRESH : refresh;
        forecastServices = forecastServices == null ? List.of() : List.copyOf(forecastServices);
    }

    /** Requests per refresh when the answer fits one page: the costs, the total forecast, one per service. */
    public int requestsPerRefresh() {
        return 2 + forecastServices.size();
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (refresh.compareTo(MIN_REFRESH) < 0) {
            problems.add(
                    ConfigProblems.join(path, "refresh"),
                    "is shorter than 6h; every Cost Explorer request costs $0.01",
                    "use 6h or more");
        }
    }
}
