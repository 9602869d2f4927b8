package io.tierlens.contract.dashboards.definitions;

import static io.tierlens.contract.dashboards.definitions.Panels.logs;
import static io.tierlens.contract.dashboards.definitions.Panels.stat;
import static io.tierlens.contract.dashboards.definitions.Panels.timeseries;

import io.tierlens.contract.catalog.ExternalSource;
import io.tierlens.contract.dashboards.model.Dashboard;

/**
 * The application's workloads as Kubernetes and Argo Rollouts see them (001), and the error logs of both tiers
 * (001 and 003). tierlens exports none of this: the panels read kube-state-metrics, the Argo Rollouts controller
 * and Loki, and say so. The WEB tier is an nginx Deployment with an HPA, the WAS tier a Spring Boot Argo Rollout
 * (canary) with an HPA; which names are which is a regular expression per tier, since tierlens cannot know.
 */
final class Workloads {
    private static final String NS = "namespace=~\"$namespace\"";
    private static final String WEB = "$web_app";
    private static final String WAS = "$was_app";
    // Pods of a Deployment or Rollout are named <name>-<template hash>-<suffix>.
    private static final String WEB_PODS = "pod=~\"(" + WEB + ")-.*\"";
    private static final String WAS_PODS = "pod=~\"(" + WAS + ")-.*\"";
    private static final String HPAS = "horizontalpodautoscaler=~\"" + WEB + "|" + WAS + "\"";
    private static final String ROLLOUTS = "name=~\"" + WAS + "\"";
    private static final String ERRORS = " |~ \"(?i)error| 5\\\\d\\\\d \"";

    private Workloads() {}

    /** namespace (from kube-state-metrics), then {@link #tierVariables}. */
    static void variables(Dashboard.Builder d) {
        d.variable("namespace", "App namespace", "label_values(kube_deployment_spec_replicas, namespace)");
        tierVariables(d);
    }

    /** web_app and was_app, and the optional Loki data source; the dashboard defines namespace. */
    static void tierVariables(Dashboard.Builder d) {
        d.regexVariable("web_app", "WEB Deployment / HPA / app (regex)", ".*web.*")
                .regexVariable("was_app", "WAS Rollout / HPA / app (regex)", ".*was.*")
                .lokiVariable();
    }

    static void row(Dashboard.Builder d) {
        d.row("Workloads (Kubernetes, Argo Rollouts)")
                .panel(stat("WEB replicas available", "percentunit")
                        .description("Available replicas of the WEB Deployments as a share of their spec; 0 % when"
                                + " none is available.")
                        .query(
                                "sum(kube_deployment_status_replicas_available{" + NS + ", deployment=~\"" + WEB
                                        + "\"}) / sum(kube_deployment_spec_replicas{" + NS + ", deployment=~\"" + WEB
                                        + "\"})",
                                "")
                        .thresholdsLowIsBad(0.5, 1)
                        .requires(ExternalSource.KUBE_STATE_METRICS)
                        .size(4, 4))
                .panel(stat("WAS replicas available", "percentunit")
                        .description("Available replicas of the WAS Rollouts as a share of their desired replicas.")
                        .query(
                                "sum(rollout_info_replicas_available{" + ROLLOUTS
                                        + "}) / sum(rollout_info_replicas_desired{" + ROLLOUTS + "})",
                                "")
                        .thresholdsLowIsBad(0.5, 1)
                        .requires(ExternalSource.ARGO_ROLLOUTS)
                        .size(4, 4))
                .panel(stat("WAS rollout phase", "none")
                        .description("Phase of each WAS Rollout; the worst one counts when the controller reports"
                                + " several.")
                        .query(
                                "max by (name) (rollout_info{" + ROLLOUTS + ", phase=\"Healthy\"} * 1 or rollout_info{"
                                        + ROLLOUTS + ", phase=\"Progressing\"} * 2 or rollout_info{" + ROLLOUTS
                                        + ", phase=\"Paused\"} * 3 or rollout_info{" + ROLLOUTS
                                        + ", phase=\"Degraded\"} * 4)",
                                "{{name}}")
                        .mapping("1", "Healthy", "green")
                        .mapping("2", "Progressing", "blue")
                        .mapping("3", "Paused", "orange")
                        .mapping("4", "Degraded", "red")
                        .colorBackground()
                        .showNames()
                        .requires(ExternalSource.ARGO_ROLLOUTS)
                        .size(6, 4))
                .panel(stat("WAS canary replica share", "percentunit")
                        .description("Share of each WAS Rollout's desired replicas already on the new revision."
                                + " Argo Rollouts exports no traffic-weight metric; without a traffic router the"
                                + " canary's weight is this share, with one it is set by the step's setWeight.")
                        .query(
                                "sum by (name) (rollout_info_replicas_updated{" + ROLLOUTS
                                        + "}) / sum by (name) (rollout_info_replicas_desired{" + ROLLOUTS + "})",
                                "{{name}}")
                        .showNames()
                        .requires(ExternalSource.ARGO_ROLLOUTS)
                        .size(5, 4))
                .panel(stat("HPAs at their maximum", "none")
                        .description("HorizontalPodAutoscalers of WEB and WAS running at their maximum replicas:"
                                + " they cannot absorb more load.")
                        .query(
                                "count(max by (namespace, horizontalpodautoscaler)"
                                        + " (kube_horizontalpodautoscaler_status_current_replicas{" + NS + ", " + HPAS
                                        + "}) >= max by (namespace, horizontalpodautoscaler)"
                                        + " (kube_horizontalpodautoscaler_spec_max_replicas{" + NS + ", " + HPAS
                                        + "})) or 0 * count(kube_horizontalpodautoscaler_spec_max_replicas{" + NS
                                        + ", " + HPAS + "})",
                                "")
                        .thresholds(0.5, 1)
                        .requires(ExternalSource.KUBE_STATE_METRICS)
                        .size(5, 4))
                .panel(timeseries("Pods ready per tier", "short")
                        .description("Pods of each tier whose Ready condition is true.")
                        .query("sum(kube_pod_status_ready{" + NS + ", " + WEB_PODS + ", condition=\"true\"})", "WEB")
                        .query("sum(kube_pod_status_ready{" + NS + ", " + WAS_PODS + ", condition=\"true\"})", "WAS")
                        .requires(ExternalSource.KUBE_STATE_METRICS)
                        .size(8, 8))
                .panel(timeseries("HPA replicas: current, desired, min, max", "short")
                        .description("Replicas of the WEB and WAS HorizontalPodAutoscalers against their bounds"
                                + " (WEB 2–5, WAS 2–10 in the reference setup).")
                        .query(hpa("status_current_replicas"), "{{horizontalpodautoscaler}} current")
                        .query(hpa("status_desired_replicas"), "{{horizontalpodautoscaler}} desired")
                        .query(hpa("spec_min_replicas"), "{{horizontalpodautoscaler}} min")
                        .query(hpa("spec_max_replicas"), "{{horizontalpodautoscaler}} max")
                        .requires(ExternalSource.KUBE_STATE_METRICS)
                        .size(8, 8))
                .panel(timeseries("Container restarts", "short")
                        .description("Container restarts per pod of WEB and WAS in each interval; a crash loop"
                                + " shows as a steady line.")
                        .query(
                                "sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total{" + NS
                                        + ", pod=~\"(" + WEB + "|" + WAS + ")-.*\"}[$__rate_interval]))",
                                "{{pod}}")
                        .requires(ExternalSource.KUBE_STATE_METRICS)
                        .size(8, 8));
    }

    private static String hpa(String field) {
        return "max by (horizontalpodautoscaler) (kube_horizontalpodautoscaler_" + field + "{" + NS + ", " + HPAS
                + "})";
    }

    /** Error lines of both tiers from Loki: a row of two log panels. */
    static void errorLogs(Dashboard.Builder d) {
        d.row("Error logs (Loki)")
                .panel(logs("WEB error logs")
                        .description("nginx log lines of the WEB pods that mention an error or a 5xx status.")
                        .query("{" + NS + ", app=~\"" + WEB + "\"}" + ERRORS, "")
                        .requires(ExternalSource.LOKI))
                .panel(logs("WAS error logs")
                        .description("Spring Boot log lines of the WAS pods that mention an error or a 5xx status.")
                        .query("{" + NS + ", app=~\"" + WAS + "\"}" + ERRORS, "")
                        .requires(ExternalSource.LOKI));
    }
}
