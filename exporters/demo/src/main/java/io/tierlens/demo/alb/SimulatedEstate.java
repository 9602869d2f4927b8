package io.tierlens.demo.alb;

import io.tierlens.alb.discovery.ControllerTags;
import io.tierlens.demo.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's load balancers: {@code scale} ALBs with three target groups each. The first is the story's shop
 * (Ingress {@code shop/web} → services {@code nginx} and {@code was}), the others are generated apps of the
 * same shape with less traffic, and with three or more the last one is a hand-made ALB without Kubernetes
 * tags. Deterministic: the same scale gives the same names everywhere (API and CloudWatch simulations agree).
 */
final class SimulatedEstate {
    static final String CLUSTER = "demo-eks";

    /** Which tier a target group serves; the error burst hits the WAS tier and, through proxying, nginx. */
    enum Tier {
        WEB,
        WAS,
        ADMIN
    }

    record SimTargetGroup(
            String name, String id, Tier tier, int port, double share, int targets, Map<String, String> tags) {

        String dimension() {
            return "targetgroup/" + name + "/" + id;
        }
    }

    record SimLoadBalancer(
            int index,
            String name,
            String id,
            String scheme,
            double peakRequestsPerSecond,
            Map<String, String> tags,
            List<SimTargetGroup> targetGroups) {

        String dimension() {
            return "app/" + name + "/" + id;
        }
    }

    private final List<SimLoadBalancer> loadBalancers;
    private final Map<String, SimLoadBalancer> byLbDimension = new HashMap<>();
    private final Map<String, SimTargetGroup> byTgDimension = new HashMap<>();

    private SimulatedEstate(List<SimLoadBalancer> loadBalancers) {
        this.loadBalancers = List.copyOf(loadBalancers);
        for (SimLoadBalancer lb : loadBalancers) {
            byLbDimension.put(lb.dimension(), lb);
            lb.targetGroups().forEach(tg -> byTgDimension.put(tg.dimension(), tg));
        }
    }

    static SimulatedEstate of(int scale) {
        List<SimLoadBalancer> lbs = new ArrayList<>();
        for (int i = 0; i < scale; i++) {
            boolean legacy = scale >= 3 && i == scale - 1;
            lbs.add(legacy ? legacy(i) : kubernetes(i));
        }
        return new SimulatedEstate(lbs);
    }

    private static SimLoadBalancer kubernetes(int i) {
        String ns = i == 0 ? "shop" : String.format(Locale.ROOT, "app%02d", i);
        String ingress = "web";
        String name = "k8s-" + ns + "-" + ingress + "-" + hex(ns + "/" + ingress, 10);
        Map<String, String> stackTags = new LinkedHashMap<>();
        stackTags.put(ControllerTags.INGRESS_STACK, ns + "/" + ingress);
        stackTags.put(ControllerTags.CLUSTER, CLUSTER);
        Map<String, String> lbTags = new LinkedHashMap<>(stackTags);
        lbTags.put(ControllerTags.INGRESS_RESOURCE, "LoadBalancer");
        List<SimTargetGroup> tgs = new ArrayList<>();
        tgs.add(controllerTg(ns, ingress, "nginx", "80", 80, Tier.WEB, 0.70, i == 0 ? 3 : 2, stackTags));
        tgs.add(controllerTg(ns, ingress, "was", "8080", 8080, Tier.WAS, 0.28, i == 0 ? 4 : 2, stackTags));
        tgs.add(controllerTg(ns, ingress, "was-admin", "management", 8081, Tier.ADMIN, 0.02, 1, stackTags));
        double peak = i == 0 ? 240 : 10 + 60 * noise("peak" + i);
        String scheme = i % 4 == 3 ? "internal" : "internet-facing";
        return new SimLoadBalancer(i, name, hex(name, 16), scheme, peak, lbTags, tgs);
    }

    private static SimTargetGroup controllerTg(
            String ns,
            String ingress,
            String service,
            String portName,
            int port,
            Tier tier,
            double share,
            int targets,
            Map<String, String> stackTags) {
        String sanitized = service.replaceAll("[^a-zA-Z0-9]", "");
        String name = "k8s-" + ns + "-" + (sanitized.length() > 8 ? sanitized.substring(0, 8) : sanitized) + "-"
                + hex(ns + service + port, 10);
        Map<String, String> tags = new LinkedHashMap<>(stackTags);
        tags.put(ControllerTags.INGRESS_RESOURCE, ns + "/" + ingress + "-" + service + ":" + portName);
        return new SimTargetGroup(name, hex(name, 16), tier, port, share, targets, tags);
    }

    private static SimLoadBalancer legacy(int i) {
        String name = String.format(Locale.ROOT, "legacy-portal-%02d", i);
        List<SimTargetGroup> tgs = List.of(
                new SimTargetGroup(
                        name + "-web", hex(name + "web", 16), Tier.WEB, 80, 0.7, 2, Map.of("team", "portal")),
                new SimTargetGroup(
                        name + "-app", hex(name + "app", 16), Tier.WAS, 8080, 0.28, 2, Map.of("team", "portal")),
                new SimTargetGroup(
                        name + "-adm", hex(name + "adm", 16), Tier.ADMIN, 8081, 0.02, 1, Map.of("team", "portal")));
        return new SimLoadBalancer(i, name, hex(name, 16), "internet-facing", 8, Map.of("team", "portal"), tgs);
    }

    List<SimLoadBalancer> loadBalancers() {
        return loadBalancers;
    }

    Optional<SimLoadBalancer> loadBalancerByDimension(String dimension) {
        return Optional.ofNullable(byLbDimension.get(dimension));
    }

    Optional<SimTargetGroup> targetGroupByDimension(String dimension) {
        return Optional.ofNullable(byTgDimension.get(dimension));
    }

    /** Lower-case hex of a stable hash, like the ids AWS puts in ARNs and the controller in names. */
    static String hex(String seed, int length) {
        StringBuilder sb = new StringBuilder();
        long bucket = 0;
        while (sb.length() < length) {
            long v = (long) (Scenario.noise(seed, bucket++) * (1L << 52));
            sb.append(String.format(Locale.ROOT, "%013x", v));
        }
        return sb.substring(0, length);
    }

    private static double noise(String key) {
        return Scenario.noise(key, 0);
    }
}
