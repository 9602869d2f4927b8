package io.tierlens.alb.model;

/**
 * The Kubernetes service behind a target group, as the AWS Load Balancer Controller tagged it. All fields are
 * "" when the target group was not created by the controller.
 *
 * @param namespace Kubernetes namespace
 * @param service service name
 * @param port service port as the Ingress or Service names it: a number ("8080") or a port name ("http")
 */
public record ServiceRef(String namespace, String service, String port) {
    public static final ServiceRef NONE = new ServiceRef("", "", "");
}
