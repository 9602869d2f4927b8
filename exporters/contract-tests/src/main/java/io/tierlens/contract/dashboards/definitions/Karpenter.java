package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.bars;
import static io.tierlens.contract.dashboards.definitions.Panels.linkTo;
import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.table;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.dashboards.model.Dashboard;

/** 004: NodePool limits versus usage, spot share, NodeClaims, pending pods and disruptions. */
final class Karpenter {
    private static final String J = "job=~\"$job\"";
    private static final String K = "job=~\"$job\", nodepool=~\"$nodepool\"";

    private Karpenter() {}

    static Dashboard build() {
        Dashboard.Builder d = TierlensDashboard.KARPENTER
                .builder()
                .description("Will capacity run out, and how is it spent? Karpenter NodePools, their nodes and"
                        + " NodeClaims, pods waiting for a node, and disruptions, read through the Kubernetes API"
                        + " (stable across Karpenter versions).")
                .variable("job", "tierlens job", "label_values(tierlens_build_info, job)")
                .variable(
                        "nodepool",
                        "NodePool",
                        "label_values(tierlens_karpenter_nodepool_info{job=~\"$job\"}, nodepool)");
        nodePools(d);
        nodes(d);
        scheduling(d);
        return d.build();
    }

    private static void nodePools(Dashboard.Builder d) {
        d.row("NodePools and their limits")
                .panel(table("NodePools", "none")
                        .description(
                                "NodePools with their consolidation policy, node class and readiness (1 =" + " ready).")
                        .query(
                                "max by (nodepool, consolidation_policy, node_class)"
                                        + " (tierlens_karpenter_nodepool_info{" + K + "})",
                                "")
                        .query("max by (nodepool) (tierlens_karpenter_nodepool_ready{" + K + "})", "")
                        .column("Value #A", "")
                        .column("Value #B", "Ready")
                        .size(12, 8))
                .panel(bars("Usage of limits", "percentunit")
                        .description("Each NodePool's usage of its limits per resource; at 100 % Karpenter"
                                + " launches no more nodes for it.")
                        .query(
                                "max by (nodepool, resource) (tierlens_karpenter_nodepool_usage{" + K
                                        + "} / tierlens_karpenter_nodepool_limit{" + K + "})",
                                "{{nodepool}} {{resource}}")
                        .min(0)
                        .max(1)
                        .thresholds(0.8, 0.9))
                .panel(timeseries("CPU: usage and limit", "short")
                        .description("CPU cores the NodePool's nodes provide, against its limit.")
                        .query(
                                "max by (nodepool) (tierlens_karpenter_nodepool_usage{" + K + ", resource=\"cpu\"})",
                                "{{nodepool}} usage")
                        .query(
                                "max by (nodepool) (tierlens_karpenter_nodepool_limit{" + K + ", resource=\"cpu\"})",
                                "{{nodepool}} limit")
                        .size(8, 8))
                .panel(timeseries("Memory: usage and limit", "bytes")
                        .description("Memory the NodePool's nodes provide, against its limit.")
                        .query(
                                "max by (nodepool) (tierlens_karpenter_nodepool_usage{" + K
                                        + ", resource=\"memory_bytes\"})",
                                "{{nodepool}} usage")
                        .query(
                                "max by (nodepool) (tierlens_karpenter_nodepool_limit{" + K
                                        + ", resource=\"memory_bytes\"})",
                                "{{nodepool}} limit")
                        .size(8, 8))
                .panel(timeseries("Nodes: count and limit", "short")
                        .description("Nodes per NodePool, against its node limit where one is set.")
                        .query(
                                "max by (nodepool) (tierlens_karpenter_nodepool_usage{" + K + ", resource=\"nodes\"})",
                                "{{nodepool}} nodes")
                        .query(
                                "max by (nodepool) (tierlens_karpenter_nodepool_limit{" + K + ", resource=\"nodes\"})",
                                "{{nodepool}} limit")
                        .size(8, 8));
    }

    private static void nodes(Dashboard.Builder d) {
        d.row("Nodes and NodeClaims")
                .panel(linkTo(
                        stat("Spot share", "percentunit")
                                .description("Share of the nodes that run on spot capacity.")
                                .query(
                                        "(sum(tierlens_karpenter_nodes{" + K
                                                + ", capacity_type=\"spot\"}) or vector(0)) /"
                                                + " sum(tierlens_karpenter_nodes{" + K + "})",
                                        "")
                                .size(6, 4),
                        TierlensDashboard.COST))
                .panel(stat("Nodes", "short")
                        .description("Nodes Karpenter manages in the selected NodePools.")
                        .query("sum(tierlens_karpenter_nodes{" + K + "})", "")
                        .size(6, 4))
                .panel(stat("Oldest unready NodeClaim", "s")
                        .description("Age of the oldest NodeClaim whose node has not initialized; 0 when all are"
                                + " ready.")
                        .query(
                                "max(tierlens_karpenter_nodeclaim_oldest_unready_seconds{" + K + "})"
                                        + Panels.orZeroWhileUp("karpenter", J),
                                "")
                        .thresholds(300, 600)
                        .size(6, 4))
                .panel(stat("Pods waiting for a node", "none")
                        .description("Unschedulable pods in all namespaces: no node fits them, which is what"
                                + " Karpenter acts on. Gated pods and pods still starting do not count.")
                        .query(
                                "sum(tierlens_karpenter_pending_pods{" + J + ", reason=\"unschedulable\"})"
                                        + Panels.orZeroWhileUp("karpenter", J),
                                "")
                        .thresholds(1, 10)
                        .size(6, 4))
                .panel(timeseries("Nodes by capacity type", "short")
                        .description("Nodes on spot and on-demand capacity over time.")
                        .query("sum by (capacity_type) (tierlens_karpenter_nodes{" + K + "})", "{{capacity_type}}")
                        .stacked())
                .panel(timeseries("NodeClaims by phase", "short")
                        .description("NodeClaims per lifecycle phase: launched, registered, initialized, drifted,"
                                + " disrupting.")
                        .query("sum by (phase) (tierlens_karpenter_nodeclaims{" + K + "})", "{{phase}}"))
                .panel(table("Nodes by instance type and zone", "none")
                        .description("Where the nodes run: NodePool, capacity type, instance type and zone.")
                        .query(
                                "sum by (nodepool, capacity_type, instance_type, zone) (tierlens_karpenter_nodes{" + K
                                        + "})",
                                "")
                        .column("Value", "Nodes")
                        .size(12, 8))
                .panel(timeseries("Requested share of allocatable", "percentunit")
                        .description("CPU and memory the pods request as a share of what the nodes can allocate,"
                                + " per NodePool and capacity type; the rest is idle capacity (see 005 Cost).")
                        .query(
                                "sum by (nodepool, capacity_type) (tierlens_karpenter_node_requests{" + K
                                        + ", resource=\"cpu\"}) / sum by (nodepool, capacity_type)"
                                        + " (tierlens_karpenter_node_allocatable{" + K + ", resource=\"cpu\"})",
                                "{{nodepool}} {{capacity_type}} cpu")
                        .query(
                                "sum by (nodepool, capacity_type) (tierlens_karpenter_node_requests{" + K
                                        + ", resource=\"memory_bytes\"}) / sum by (nodepool, capacity_type)"
                                        + " (tierlens_karpenter_node_allocatable{" + K
                                        + ", resource=\"memory_bytes\"})",
                                "{{nodepool}} {{capacity_type}} memory")
                        .min(0)
                        .max(1));
    }

    private static void scheduling(Dashboard.Builder d) {
        d.row("Pending pods and disruptions")
                .panel(timeseries("Pending pods", "short")
                        .description(
                                "Unschedulable pods by namespace and reason; \"none\" when no pod waits (and no line at all while"
                                        + " the Karpenter exporter is down).")
                        .query(
                                "sum by (namespace, reason) (tierlens_karpenter_pending_pods{" + J
                                        + "}) or label_replace(" + Panels.zeroWhileUp("karpenter", J)
                                        + ", \"namespace\", \"none\", \"\", \"\")",
                                "{{namespace}} {{reason}}")
                        .size(8, 8))
                .panel(timeseries("Oldest pending pod", "s")
                        .description("How long the oldest unschedulable pod has waited, by namespace; the alert"
                                + " fires above 5 minutes for 15 minutes.")
                        .query(
                                "max by (namespace) (tierlens_karpenter_pending_pod_oldest_seconds{" + J
                                        + ", reason=\"unschedulable\"}) or label_replace("
                                        + Panels.zeroWhileUp("karpenter", J)
                                        + ", \"namespace\", \"none\", \"\", \"\")",
                                "{{namespace}}")
                        .size(8, 8))
                .panel(timeseries("Disruptions per hour", "short")
                        .description("Nodes Karpenter disrupted per hour, by NodePool and reason (spot"
                                + " interruption, drift, consolidation, expiry); 0 where none happened.")
                        .query(
                                "sum by (nodepool, reason) (rate(tierlens_karpenter_disruptions_total{" + K
                                        + "}[$__rate_interval])) * 3600 or sum by (nodepool) (0 *"
                                        + " tierlens_karpenter_nodepool_ready{" + K + "})",
                                "{{nodepool}} {{reason}}")
                        .size(8, 8));
    }
}
