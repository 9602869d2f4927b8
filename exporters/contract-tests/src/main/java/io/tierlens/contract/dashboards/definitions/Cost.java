package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.bars;
import static io.tierlens.contract.dashboards.definitions.Panels.linkTo;
import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.table;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.dashboards.model.Dashboard;

/** 005: cost per tier and component, per NodePool and capacity type, idle cost, the month and price sources. */
final class Cost {
    private static final String C = "job=~\"$job\"";
    private static final String N = "job=~\"$job\", nodepool=~\"$nodepool\"";

    private Cost() {}

    static Dashboard build() {
        Dashboard.Builder d = TierlensDashboard.COST
                .builder()
                .description("What each tier costs per hour and this month, whether spot is really cheaper, how"
                        + " much capacity is paid for but idle, and where every price comes from. All values in USD.")
                .variable("job", "tierlens job", "label_values(tierlens_build_info, job)")
                .variable(
                        "nodepool",
                        "NodePool",
                        "label_values(tierlens_cost_nodepool_hourly_usd{job=~\"$job\"}, nodepool)");
        month(d);
        tiers(d);
        nodePools(d);
        prices(d);
        return d.build();
    }

    private static void month(Dashboard.Builder d) {
        // A budget's scope is a Cost Explorer service or "total" (alerts/cost.rules.yaml does the same).
        String spendByScope = "max by (scope) (label_replace(sum by (service) (tierlens_cost_month_forecast_usd{" + C
                + "}), \"scope\", \"$1\", \"service\", \"(.+)\") or label_replace(sum(tierlens_cost_month_forecast_usd{"
                + C + "}), \"scope\", \"total\", \"\", \"\"))";
        d.row("Now and this month")
                .panel(stat("Hourly cost", "currencyUSD")
                        .description("What the application's resources cost per hour now: nodes, EKS control"
                                + " plane, ALBs, RDS, NAT gateways and EBS.")
                        .query("sum(tierlens_cost_hourly_usd{" + C + "})", "")
                        .size(6, 4))
                .panel(stat("Run rate per month", "currencyUSD")
                        .description("The hourly cost times 730 hours: what a month costs if nothing changes.")
                        .query("sum(tierlens_cost_hourly_usd{" + C + "}) * 730", "")
                        .size(6, 4))
                .panel(stat("Month to date", "currencyUSD")
                        .description("This month's spend so far according to Cost Explorer (refreshed a few times"
                                + " a day).")
                        .query("sum(tierlens_cost_month_to_date_usd{" + C + "})", "")
                        .size(6, 4))
                .panel(stat("Month forecast", "currencyUSD")
                        .description("Cost Explorer's forecast for the whole month.")
                        .query("sum(tierlens_cost_month_forecast_usd{" + C + "})", "")
                        .size(6, 4))
                .panel(bars("Forecast / budget", "percentunit")
                        .description("The month's forecast as a share of each monthly budget. A budget's scope is"
                                + " a Cost Explorer service or \"total\" (all services).")
                        .query(
                                spendByScope + " / on (scope) max by (scope) (tierlens_cost_budget_monthly_usd{" + C
                                        + "})",
                                "{{scope}}")
                        .min(0)
                        .max(1.2)
                        .thresholds(0.9, 1))
                .panel(table("Spend by service", "currencyUSD")
                        .description("Month-to-date spend and forecast per AWS service (Cost Explorer), and the"
                                + " monthly budgets.")
                        .query("sum by (service) (tierlens_cost_month_to_date_usd{" + C + "})", "")
                        .query("sum by (service) (tierlens_cost_month_forecast_usd{" + C + "})", "")
                        .column("Value #A", "Month to date")
                        .column("Value #B", "Forecast")
                        .size(12, 8));
    }

    private static void tiers(Dashboard.Builder d) {
        d.row("By tier and component")
                .panel(bars("Hourly cost by tier", "currencyUSD")
                        .description("Hourly cost per tier: web (ALB, nginx nodes), was, db (RDS) and shared"
                                + " (control plane, NAT).")
                        .query("sum by (tier) (tierlens_cost_hourly_usd{" + C + "})", "{{tier}}")
                        .size(8, 8))
                .panel(bars("Hourly cost by component", "currencyUSD")
                        .description(
                                "Hourly cost per component: EKS control plane, nodes, ALB, RDS, NAT gateway," + " EBS.")
                        .query("sum by (component) (tierlens_cost_hourly_usd{" + C + "})", "{{component}}")
                        .size(8, 8))
                .panel(timeseries("Hourly cost by tier over time", "currencyUSD")
                        .description("Hourly cost per tier, stacked; node cost follows Karpenter scaling.")
                        .query("sum by (tier) (tierlens_cost_hourly_usd{" + C + "})", "{{tier}}")
                        .stacked()
                        .size(8, 8));
    }

    private static void nodePools(Dashboard.Builder d) {
        d.row("Nodes by NodePool and capacity type")
                .panel(linkTo(
                        timeseries("NodePool hourly cost", "currencyUSD")
                                .description("Hourly cost of each NodePool's nodes by capacity type, stacked.")
                                .query(
                                        "sum by (nodepool, capacity_type) (tierlens_cost_nodepool_hourly_usd{" + N
                                                + "})",
                                        "{{nodepool}} {{capacity_type}}")
                                .stacked(),
                        TierlensDashboard.KARPENTER))
                .panel(timeseries("Idle hourly cost", "currencyUSD")
                        .description("The part of each NodePool's cost that pays for capacity no pod requests.")
                        .query(
                                "sum by (nodepool, capacity_type) (tierlens_cost_nodepool_idle_hourly_usd{" + N + "})",
                                "{{nodepool}} {{capacity_type}}"))
                .panel(stat("Idle share", "percentunit")
                        .description("Share of the node cost paid for idle capacity.")
                        .query(
                                "sum(tierlens_cost_nodepool_idle_hourly_usd{" + N
                                        + "}) / sum(tierlens_cost_nodepool_hourly_usd{" + N + "})",
                                "")
                        .thresholds(0.3, 0.5)
                        .size(6, 4))
                .panel(stat("Average node price by capacity type", "currencyUSD")
                        .description("Average hourly price of a node per capacity type; compare like with like in"
                                + " the node table, instance types differ.")
                        .query("avg by (capacity_type) (tierlens_cost_node_hourly_usd{" + N + "})", "{{capacity_type}}")
                        .showNames()
                        .size(6, 4))
                .panel(timeseries("Consolidation savings per hour", "currencyUSD")
                        .description("What Karpenter's consolidation saves per hour, from the price of the nodes it"
                                + " removed or replaced; 0 where it saved nothing.")
                        .query(
                                "sum by (nodepool) (rate(tierlens_cost_consolidation_savings_usd_total{" + N
                                        + "}[$__rate_interval])) * 3600 or sum by (nodepool) (0 *"
                                        + " tierlens_cost_nodepool_hourly_usd{" + N + "})",
                                "{{nodepool}}"))
                .panel(table("Node prices", "currencyUSD")
                        .description("Hourly price of every node and where the price comes from: on-demand list"
                                + " price, spot price history of its zone, or the static fallback table.")
                        .query(
                                "max by (node, nodepool, capacity_type, instance_type, zone, pricing_source)"
                                        + " (tierlens_cost_node_hourly_usd{" + N + "})",
                                "")
                        .column("Value", "USD per hour")
                        .size(24, 8));
    }

    private static void prices(Dashboard.Builder d) {
        d.row("Price sources")
                .panel(bars("Price age by source", "s")
                        .description(
                                "Age of the newest price per source. The static fallback table is old by" + " design.")
                        .query("max by (source) (tierlens_cost_price_age_seconds{" + C + "})", "{{source}}")
                        .thresholds(21600, 86400)
                        .size(12, 6))
                .panel(bars("Nodes by price source", "none")
                        .description("Nodes priced from each source.")
                        .query(
                                "count by (pricing_source) (tierlens_cost_node_hourly_usd{" + C + "})",
                                "{{pricing_source}}")
                        .size(12, 6));
    }
}
