package io.tierlens.alb.discovery;

import io.tierlens.alb.model.ServiceRef;
import io.tierlens.alb.model.TargetGroup;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tags the AWS Load Balancer Controller (v2) puts on what it creates, to name the Kubernetes objects
 * behind a load balancer or target group:
 *
 * <ul>
 *   <li>{@code ingress.k8s.aws/stack}: the Ingress stack, {@code namespace/name} for a single Ingress or the
 *       IngressGroup name for {@code alb.ingress.kubernetes.io/group.name};
 *   <li>{@code ingress.k8s.aws/resource} on target groups: {@code namespace/<ingress>-<service>:<port>}
 *       (the controller's {@code buildTargetGroupResourceID}); on the load balancer itself it is
 *       {@code LoadBalancer};
 *   <li>{@code service.k8s.aws/stack} = {@code namespace/service} and {@code service.k8s.aws/resource} =
 *       {@code namespace/service:port} for target groups of {@code type: LoadBalancer} services;
 *   <li>{@code elbv2.k8s.aws/cluster}: the cluster; it marks a controller-managed resource but names no Ingress.
 * </ul>
 *
 * The v1 ALB ingress controller's {@code kubernetes.io/namespace} + {@code kubernetes.io/ingress-name} are read
 * as a fallback for load balancers that were never migrated.
 */
public final class ControllerTags {
    public static final String INGRESS_STACK = "ingress.k8s.aws/stack";
    public static final String INGRESS_RESOURCE = "ingress.k8s.aws/resource";
    public static final String SERVICE_STACK = "service.k8s.aws/stack";
    public static final String SERVICE_RESOURCE = "service.k8s.aws/resource";
    public static final String CLUSTER = "elbv2.k8s.aws/cluster";
    static final String LEGACY_NAMESPACE = "kubernetes.io/namespace";
    static final String LEGACY_INGRESS = "kubernetes.io/ingress-name";

    /** {@code namespace/rest:port}; the port is the last colon-free part (a number or a port name). */
    private static final Pattern RESOURCE_ID = Pattern.compile("([^/]+)/(.+):([^:]+)");
    /** Controller target group names: {@code k8s-<namespace, 8>-<service, 8>-<hash, 10>}, non-alphanumerics removed. */
    private static final Pattern TG_NAME = Pattern.compile("k8s-([a-zA-Z0-9]*)-([a-zA-Z0-9]*)-[a-zA-Z0-9]+");

    private ControllerTags() {}

    /** The Ingress (or IngressGroup) a load balancer serves, or "" when no controller tag names one. */
    public static String ingress(Map<String, String> lbTags) {
        String stack = lbTags.get(INGRESS_STACK);
        if (stack != null && !stack.isBlank()) {
            return stack;
        }
        String ns = lbTags.get(LEGACY_NAMESPACE);
        String name = lbTags.get(LEGACY_INGRESS);
        if (ns != null && name != null && !ns.isBlank() && !name.isBlank()) {
            return ns + "/" + name;
        }
        return "";
    }

    /** The Kubernetes service behind a target group, or {@link ServiceRef#NONE}. */
    public static ServiceRef service(TargetGroup tg) {
        String svcResource = tg.tags().get(SERVICE_RESOURCE);
        if (svcResource != null) {
            Matcher m = RESOURCE_ID.matcher(svcResource);
            if (m.matches()) {
                return new ServiceRef(m.group(1), m.group(2), m.group(3));
            }
        }
        String ingResource = tg.tags().get(INGRESS_RESOURCE);
        if (ingResource != null) {
            Matcher m = RESOURCE_ID.matcher(ingResource);
            if (m.matches()) {
                String ns = m.group(1);
                return new ServiceRef(ns, serviceName(ns, m.group(2), tg), m.group(3));
            }
        }
        return ServiceRef.NONE;
    }

    /**
     * Splits {@code <ingress>-<service>}: both names may contain dashes. The Ingress name comes from the stack
     * tag when the stack is a single Ingress; for IngressGroups the service is recognised by the 8 characters
     * the controller puts into the target group name.
     */
    static String serviceName(String namespace, String ingressAndService, TargetGroup tg) {
        String stack = tg.tags().getOrDefault(INGRESS_STACK, "");
        String prefix = namespace + "/";
        if (stack.startsWith(prefix)) {
            String ingressPrefix = stack.substring(prefix.length()) + "-";
            if (ingressAndService.startsWith(ingressPrefix) && ingressAndService.length() > ingressPrefix.length()) {
                return ingressAndService.substring(ingressPrefix.length());
            }
        }
        Optional<String> nameHint = serviceHint(tg.name());
        int dash = ingressAndService.indexOf('-');
        if (nameHint.isPresent()) {
            for (int i = dash; i >= 0; i = ingressAndService.indexOf('-', i + 1)) {
                String candidate = ingressAndService.substring(i + 1);
                if (!candidate.isEmpty() && truncatedName(candidate).equals(nameHint.get())) {
                    return candidate;
                }
            }
        }
        // Not a controller-style name: assume an Ingress name without dashes, the most common case.
        return dash < 0 ? ingressAndService : ingressAndService.substring(dash + 1);
    }

    private static Optional<String> serviceHint(String tgName) {
        Matcher m = TG_NAME.matcher(tgName);
        return m.matches() && !m.group(2).isEmpty() ? Optional.of(m.group(2)) : Optional.empty();
    }

    private static String truncatedName(String name) {
        String alnum = name.replaceAll("[^a-zA-Z0-9]", "");
        return alnum.length() <= 8 ? alnum : alnum.substring(0, 8);
    }
}
