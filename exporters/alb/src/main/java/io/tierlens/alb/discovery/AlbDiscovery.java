package io.tierlens.alb.discovery;

import io.tierlens.alb.AlbConfig;
import io.tierlens.alb.client.AlbApi;
import io.tierlens.alb.model.AlbInventory;
import io.tierlens.alb.model.Listener;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.ServiceRef;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.discovery.NameTagFilter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists what the ALB exporter watches in one (account, region): application load balancers that pass the
 * filters, the target groups they route to, their listeners, and the Kubernetes names from the controller's
 * tags. Only Describe calls; the CloudWatch dimensions are derived from the ARNs found here.
 *
 * <p>Keeps one piece of state: whether it already warned that the filters match nothing, so the warning is
 * logged once (and again only after the filters matched something in between).
 */
public final class AlbDiscovery {
    private static final Logger log = LoggerFactory.getLogger(AlbDiscovery.class);

    private final AwsTarget target;
    private final AlbApi api;
    private final NameTagFilter filter;
    private final Clock clock;
    private final Consumer<String> warnings;
    private boolean warnedNoMatch;

    public AlbDiscovery(AlbConfig config, AwsTarget target, AlbApi api, Clock clock) {
        this(config, target, api, clock, log::warn);
    }

    /** @param warnings where the "filter matches nothing" warning goes (the log, or a test's list) */
    AlbDiscovery(AlbConfig config, AwsTarget target, AlbApi api, Clock clock, Consumer<String> warnings) {
        this.target = target;
        this.api = api;
        this.filter = new NameTagFilter(config.names(), config.tags());
        this.clock = clock;
        this.warnings = warnings;
    }

    /** One full discovery; SDK exceptions propagate (the caller keeps its previous inventory). */
    public AlbInventory discover() {
        List<LoadBalancer> all = api.describeLoadBalancers();
        Map<String, Map<String, String>> lbTags = all.isEmpty()
                ? Map.of()
                : api.describeTags(all.stream().map(LoadBalancer::arn).toList());
        List<LoadBalancer> kept = new ArrayList<>();
        for (LoadBalancer lb : all) {
            LoadBalancer tagged = lb.withTags(lbTags.getOrDefault(lb.arn(), Map.of()));
            if (filter.matches(tagged.name(), tagged.tags())) {
                kept.add(tagged);
            }
        }
        warnIfNothingMatched(all.size(), kept.size());
        if (kept.isEmpty()) {
            return AlbInventory.empty(clock.instant());
        }

        List<Listener> listeners = new ArrayList<>();
        for (LoadBalancer lb : kept) {
            listeners.addAll(api.describeListeners(lb.arn()));
        }
        List<TargetGroup> targetGroups = routedTargetGroups(kept, api.describeTargetGroups(), listeners);
        Map<String, Map<String, String>> tgTags = targetGroups.isEmpty()
                ? Map.of()
                : api.describeTags(targetGroups.stream().map(TargetGroup::arn).toList());

        Map<String, String> ingresses = new HashMap<>();
        for (LoadBalancer lb : kept) {
            String ingress = ControllerTags.ingress(lb.tags());
            if (!ingress.isEmpty()) {
                ingresses.put(lb.arn(), ingress);
            }
        }
        List<TargetGroup> tagged = new ArrayList<>(targetGroups.size());
        Map<String, ServiceRef> services = new HashMap<>();
        for (TargetGroup tg : targetGroups) {
            TargetGroup t = tg.withTags(tgTags.getOrDefault(tg.arn(), Map.of()));
            tagged.add(t);
            ServiceRef svc = ControllerTags.service(t);
            if (!svc.equals(ServiceRef.NONE)) {
                services.put(t.arn(), svc);
            }
        }
        return new AlbInventory(kept, tagged, listeners, ingresses, services, clock.instant());
    }

    /**
     * Target groups that at least one kept load balancer routes to, each with exactly those load balancers: a
     * target group lists every load balancer with a rule forwarding to it, and listener default actions add any
     * the target group does not list yet.
     */
    static List<TargetGroup> routedTargetGroups(
            List<LoadBalancer> kept, List<TargetGroup> all, List<Listener> listeners) {
        Set<String> keptArns = new LinkedHashSet<>();
        kept.forEach(lb -> keptArns.add(lb.arn()));
        Map<String, Set<String>> lbsByTg = new LinkedHashMap<>();
        for (TargetGroup tg : all) {
            for (String lbArn : tg.loadBalancerArns()) {
                if (keptArns.contains(lbArn)) {
                    lbsByTg.computeIfAbsent(tg.arn(), k -> new LinkedHashSet<>())
                            .add(lbArn);
                }
            }
        }
        for (Listener l : listeners) {
            if (!keptArns.contains(l.loadBalancerArn())) {
                continue;
            }
            for (String tgArn : l.targetGroupArns()) {
                lbsByTg.computeIfAbsent(tgArn, k -> new LinkedHashSet<>()).add(l.loadBalancerArn());
            }
        }
        List<TargetGroup> out = new ArrayList<>();
        for (TargetGroup tg : all) {
            Set<String> lbs = lbsByTg.get(tg.arn());
            if (lbs != null) {
                out.add(new TargetGroup(
                        tg.arn(), tg.name(), List.copyOf(lbs), tg.protocol(), tg.port(), tg.targetType(), tg.tags()));
            }
        }
        return out;
    }

    private void warnIfNothingMatched(int seen, int kept) {
        if (filter.isEmpty()) {
            return;
        }
        if (kept > 0) {
            warnedNoMatch = false;
            return;
        }
        if (!warnedNoMatch) {
            warnedNoMatch = true;
            warnings.accept("exporter=alb " + target + ": the filter " + filter.describe() + " matched none of the "
                    + seen + " application load balancers seen; no ALB metrics are exported for this target"
                    + " until one matches (check exporters.alb.tags and exporters.alb.names)");
        }
    }
}
