package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.bars;
import static io.tierlens.contract.dashboards.definitions.Panels.linkTo;
import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.table;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.catalog.ExternalSource;
import io.tierlens.contract.dashboards.model.Dashboard;

/** 005: cost per tier and component, per NodePool and capacity type, idle cost, the month and price sources. */
final class Cost {
    private static final String C = "job=~\"$job\"";
    private static final String N = "job=~\"$job\", nodepool=~\"$nodepool\"";

    /** The share of the current month gone, 0..1, as a scalar. */
    private static final String MONTH_GONE =
            "scalar((day_of_month() - 1 + hour() / 24 + minute() / 1440) / days_in_month())";
    /** The month so far at the last day's run rate, all tiers. */
    private static final String MONTH_SO_FAR =
            "sum(max by (tier) (tier:tierlens_cost_month_projected_usd:avg1d{" + C + "})) * " + MONTH_GONE;

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
        bill(d);
        nodePools(d);
        prices(d);
        openCost(d);
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
                        .instantQuery("sum(tierlens_cost_hourly_usd{" + C + "})", "")
                        .size(4, 4))
                .panel(stat("Run rate per month", "currencyUSD")
                        .description("The hourly cost times 730 hours: what a month costs if nothing changes.")
                        .instantQuery("sum(tierlens_cost_hourly_usd{" + C + "}) * 730", "")
                        .size(4, 4))
                .panel(stat("Month to date (tierlens)", "currencyUSD")
                        .description("This month so far at the last day's average hourly cost (the projection"
                                + " times the share of the month gone): tierlens' own estimate, no Cost Explorer"
                                + " needed. It covers only what tierlens prices.")
                        .instantQuery(MONTH_SO_FAR, "")
                        .size(4, 4))
                .panel(stat("Projected month (tierlens)", "currencyUSD")
                        .description("The last day's average hourly cost times the hours of this month"
                                + " (tier:tierlens_cost_month_projected_usd:avg1d, alerts/cost-bill.rules.yaml).")
                        .instantQuery(
                                "sum(max by (tier) (tier:tierlens_cost_month_projected_usd:avg1d{" + C + "}))", "")
                        .size(4, 4))
                .panel(stat("Month to date", "currencyUSD")
                        .description("Cost Explorer: this month's billed spend so far (refreshed a few"
                                + " times a day; empty unless cost_explorer is enabled).")
                        .instantQuery("sum(tierlens_cost_month_to_date_usd{" + C + "})", "")
                        .size(4, 4))
                .panel(stat("Month forecast", "currencyUSD")
                        .description("Cost Explorer: its forecast for the whole month (empty unless cost_explorer is"
                                + " enabled).")
                        .instantQuery("sum(tierlens_cost_month_forecast_usd{" + C + "})", "")
                        .size(4, 4))
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

    /** The full bill per tier and component, month to date and projected, and how each part is known. */
    private static void bill(Dashboard.Builder d) {
        d.row("The bill per tier")
                .panel(table("Hourly cost by tier and component", "currencyUSD")
                        .description("Every component of every tier per hour (list price); the tier total is the sum"
                                + " of its components (tier:tierlens_cost_hourly_usd:sum).")
                        .query("sum by (tier, component) (tierlens_cost_hourly_usd{" + C + "})", "")
                        .column("Value", "USD per hour")
                        .size(8, 9))
                .panel(table("Month by tier", "currencyUSD")
                        .description("Per tier: this month so far and the whole month at the last day's run rate"
                                + " (alerts/cost-bill.rules.yaml), and the tier's monthly budget where one is set.")
                        .query(
                                "max by (tier) (tier:tierlens_cost_month_projected_usd:avg1d{" + C + "}) * "
                                        + MONTH_GONE,
                                "")
                        .query("max by (tier) (tier:tierlens_cost_month_projected_usd:avg1d{" + C + "})", "")
                        .query(
                                "label_replace(max by (scope) (tierlens_cost_budget_monthly_usd{" + C
                                        + "}), \"tier\", \"$1\", \"scope\", \"(web|was|db|shared)\")",
                                "")
                        .column("Value #A", "Month to date")
                        .column("Value #B", "Projected month")
                        .column("Value #C", "Budget")
                        .size(8, 9))
                .panel(bars("Projected month / budget", "percentunit")
                        .description("The projected month as a share of each tier's and the total budget:"
                                + " TierlensCostProjectedMonthOverBudget fires above 1 after 3 hours.")
                        .query(
                                "(label_replace(max by (tier) (tier:tierlens_cost_month_projected_usd:avg1d{" + C
                                        + "}), \"scope\", \"$1\", \"tier\", \"(.+)\") or label_replace(sum(max by"
                                        + " (tier) (tier:tierlens_cost_month_projected_usd:avg1d{" + C
                                        + "})), \"scope\", \"total\", \"\", \"\")) / on (scope) group_left ()"
                                        + " max by (scope) (tierlens_cost_budget_monthly_usd{" + C + "})",
                                "{{scope}}")
                        .min(0)
                        .max(1.2)
                        .thresholds(0.9, 1)
                        .size(8, 9))
                .panel(bars("Bill by source", "currencyUSD")
                        .description("Hourly cost by how the priced resources are known: discovered (by the ALB,"
                                + " RDS and NAT gateway discovery, and the cluster's nodes), configured (the"
                                + " inventory section) or estimated (node volumes, an unknown EKS version, an ALB"
                                + " without LCU data yet).")
                        .query("sum by (source) (tierlens_cost_hourly_by_source_usd{" + C + "})", "{{source}}")
                        .size(8, 6))
                .panel(stat("Discovered share", "percentunit")
                        .description("Share of the hourly bill resting on discovered resources; the rest is only"
                                + " as good as the configuration and the estimates.")
                        .instantQuery(
                                "sum(tierlens_cost_hourly_by_source_usd{" + C + ", source=\"discovered\"}) /"
                                        + " sum(tierlens_cost_hourly_by_source_usd{" + C + "})",
                                "")
                        .size(4, 6))
                .panel(table("Components by source", "currencyUSD")
                        .description("Hourly cost per component, tier and source.")
                        .query("sum by (component, tier, source) (tierlens_cost_hourly_by_source_usd{" + C + "})", "")
                        .column("Value", "USD per hour")
                        .size(12, 6));
    }

    /** OpenCost's view beside ours where OpenCost runs in the cluster too. */
    private static void openCost(Dashboard.Builder d) {
        String requires = " " + ExternalSource.OPENCOST.requirement();
        d.row("OpenCost (where it runs)")
                .panel(stat("OpenCost node cost per hour", "currencyUSD")
                        .description("The nodes' hourly cost as OpenCost prices them, beside tierlens' nodes"
                                + " component; a large gap usually means spot nodes priced on-demand by OpenCost"
                                + " when its spot data feed lags." + requires)
                        .instantQuery("sum(node_total_hourly_cost)", "")
                        .requires(ExternalSource.OPENCOST)
                        .size(6, 5))
                .panel(stat("tierlens node cost per hour", "currencyUSD")
                        .description("tierlens' nodes component, for the comparison.")
                        .instantQuery("sum(tierlens_cost_hourly_usd{" + C + ", component=\"nodes\"})", "")
                        .size(6, 5))
                .panel(stat("OpenCost persistent volumes per hour", "currencyUSD")
                        .description("Persistent volume cost per hour as OpenCost prices it (its hourly price per"
                                + " GiB times each volume's size); tierlens estimates node volumes only." + requires
                                + " "
                                + ExternalSource.KUBE_STATE_METRICS.requirement())
                        .instantQuery(
                                "sum(pv_hourly_cost * on (persistentvolume) group_left ()"
                                        + " max by (persistentvolume) (kube_persistentvolume_capacity_bytes) / 1024^3)",
                                "")
                        .requires(ExternalSource.OPENCOST)
                        .requires(ExternalSource.KUBE_STATE_METRICS)
                        .size(6, 5))
                .panel(table("OpenCost allocation by namespace", "none")
                        .description("CPU cores and memory OpenCost allocates to each namespace's containers, to"
                                + " split a tier's node cost by namespace." + requires)
                        .query("sum by (namespace) (container_cpu_allocation)", "")
                        .query("sum by (namespace) (container_memory_allocation_bytes) / 1024^3", "")
                        .column("Value #A", "CPU cores")
                        .column("Value #B", "Memory GiB")
                        .requires(ExternalSource.OPENCOST)
                        .size(6, 5));
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
                        .instantQuery(
                                "sum(tierlens_cost_nodepool_idle_hourly_usd{" + N
                                        + "}) / sum(tierlens_cost_nodepool_hourly_usd{" + N + "})",
                                "")
                        .thresholds(0.3, 0.5)
                        .size(6, 4))
                .panel(stat("Average node price by capacity type", "currencyUSD")
                        .description("Average hourly price of a node per capacity type; compare like with like in"
                                + " the node table, instance types differ.")
                        .instantQuery(
                                "avg by (capacity_type) (tierlens_cost_node_hourly_usd{" + N + "})",
                                "{{capacity_type}}")
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
                        .size(12, 6))
                .panel(table("Unit prices", "currencyUSD")
                        .description("The region's unit prices in use per component (hour, LCU-hour, GB processed,"
                                + " GB-month, IOPS-month) and their source: ondemand_list from the Pricing API,"
                                + " static_fallback from the bundled regional table, estimated (us-east-1's, for a"
                                + " region the table lacks) or configured (unit_prices).")
                        .query("max by (component, unit, pricing_source) (tierlens_cost_unit_price_usd{" + C + "})", "")
                        .column("Value", "USD")
                        .size(24, 8));
    }
}
