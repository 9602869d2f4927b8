package io.tierlens.cost.model;

/**
 * An EKS control plane.
 *
 * @param version the Kubernetes minor version ({@code 1.31}), "" when unknown (priced as standard support)
 * @param extendedSupport whether the version is past its standard support end, so billed at the extended price
 */
public record ControlPlane(String version, boolean extendedSupport, Source source) {}
