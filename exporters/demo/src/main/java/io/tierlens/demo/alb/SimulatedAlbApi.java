package io.tierlens.demo.alb;

import io.tierlens.alb.client.AlbApi;
import io.tierlens.alb.model.Listener;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.demo.alb.SimulatedEstate.SimLoadBalancer;
import io.tierlens.demo.alb.SimulatedEstate.SimTargetGroup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link AlbApi} of the demo for one (account, region): the {@link SimulatedEstate} with this target's ARNs.
 * Every call is reported to the {@link ApiCallRecorder} once per request the real client would send (pages of
 * 400, DescribeTags batches of 20), under the SDK's service and operation names.
 */
final class SimulatedAlbApi implements AlbApi {
    static final String SERVICE = "elasticloadbalancingv2";

    private final SimulatedEstate estate;
    private final SimulatedTraffic traffic;
    private final Clock clock;
    private final ApiCallRecorder recorder;
    private final String arnPrefix;
    private final String region;
    private final Map<String, Map<String, String>> tagsByArn = new HashMap<>();
    private final Map<String, SimTargetGroup> tgByArn = new HashMap<>();

    SimulatedAlbApi(
            SimulatedEstate estate, SimulatedTraffic traffic, Clock clock, ApiCallRecorder recorder, AwsTarget target) {
        this.estate = estate;
        this.traffic = traffic;
        this.clock = clock;
        this.recorder = recorder;
        this.region = target.region();
        this.arnPrefix = "arn:aws:elasticloadbalancing:" + target.region() + ":" + target.accountId() + ":";
        for (SimLoadBalancer lb : estate.loadBalancers()) {
            tagsByArn.put(lbArn(lb), lb.tags());
            for (SimTargetGroup tg : lb.targetGroups()) {
                tagsByArn.put(tgArn(tg), tg.tags());
                tgByArn.put(tgArn(tg), tg);
            }
        }
    }

    @Override
    public List<LoadBalancer> describeLoadBalancers() {
        record(pages(estate.loadBalancers().size()), "DescribeLoadBalancers");
        List<LoadBalancer> out = new ArrayList<>();
        for (SimLoadBalancer lb : estate.loadBalancers()) {
            String dns = (lb.scheme().equals("internal") ? "internal-" : "") + lb.name() + "-"
                    + Long.parseLong(lb.id().substring(0, 8), 16) + "." + region + ".elb.amazonaws.com";
            out.add(new LoadBalancer(lbArn(lb), lb.name(), dns, lb.scheme(), "active", Map.of()));
        }
        return out;
    }

    @Override
    public List<TargetGroup> describeTargetGroups() {
        int count = estate.loadBalancers().stream()
                .mapToInt(lb -> lb.targetGroups().size())
                .sum();
        record(pages(count), "DescribeTargetGroups");
        List<TargetGroup> out = new ArrayList<>();
        for (SimLoadBalancer lb : estate.loadBalancers()) {
            for (SimTargetGroup tg : lb.targetGroups()) {
                out.add(new TargetGroup(tgArn(tg), tg.name(), List.of(lbArn(lb)), "HTTP", tg.port(), "ip", Map.of()));
            }
        }
        return out;
    }

    @Override
    public List<Listener> describeListeners(String loadBalancerArn) {
        record(1, "DescribeListeners");
        for (SimLoadBalancer lb : estate.loadBalancers()) {
            if (lbArn(lb).equals(loadBalancerArn)) {
                String listenerBase = arnPrefix + "listener/app/" + lb.name() + "/" + lb.id() + "/";
                // Port 80 redirects to HTTPS (no target group); 443 forwards to the web tier, rules do the rest.
                return List.of(
                        new Listener(
                                listenerBase + SimulatedEstate.hex(lb.name() + "80", 16),
                                loadBalancerArn,
                                "HTTP",
                                80,
                                List.of()),
                        new Listener(
                                listenerBase + SimulatedEstate.hex(lb.name() + "443", 16),
                                loadBalancerArn,
                                "HTTPS",
                                443,
                                List.of(tgArn(lb.targetGroups().get(0)))));
            }
        }
        return List.of();
    }

    @Override
    public Map<String, Map<String, String>> describeTags(List<String> arns) {
        record((arns.size() + 19) / 20, "DescribeTags");
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String arn : arns) {
            Map<String, String> tags = tagsByArn.get(arn);
            if (tags != null) {
                out.put(arn, tags);
            }
        }
        return out;
    }

    @Override
    public List<TargetHealth> describeTargetHealth(String targetGroupArn) {
        record(1, "DescribeTargetHealth");
        SimTargetGroup tg = tgByArn.get(targetGroupArn);
        if (tg == null) {
            return List.of();
        }
        int unhealthy = traffic.unhealthyTargets(tg, clock.instant());
        List<TargetHealth> out = new ArrayList<>();
        for (int i = 0; i < tg.targets(); i++) {
            String ip = String.format(
                    Locale.ROOT,
                    "10.%d.%d.%d",
                    Integer.parseInt(tg.id().substring(0, 2), 16),
                    Integer.parseInt(tg.id().substring(2, 4), 16),
                    10 + i);
            boolean down = i >= tg.targets() - unhealthy;
            out.add(new TargetHealth(
                    ip,
                    tg.port(),
                    down ? "unhealthy" : "healthy",
                    down ? (i % 2 == 0 ? "Target.ResponseCodeMismatch" : "Target.Timeout") : ""));
        }
        return out;
    }

    private String lbArn(SimLoadBalancer lb) {
        return arnPrefix + "loadbalancer/" + lb.dimension();
    }

    private String tgArn(SimTargetGroup tg) {
        return arnPrefix + tg.dimension();
    }

    private static int pages(int items) {
        return Math.max(1, (items + 399) / 400);
    }

    private void record(int requests, String operation) {
        for (int i = 0; i < requests; i++) {
            recorder.recordRequest(SERVICE, operation, ApiOutcome.OK);
        }
    }
}
