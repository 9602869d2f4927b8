package io.tierlens.alb.client;

import io.tierlens.alb.model.Listener;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** {@link AlbApi} over the AWS SDK's ELBv2 client. Pages are followed by the SDK's paginators (Marker). */
public final class SdkAlbApi implements AlbApi, AutoCloseable {
    /** DescribeTags accepts at most 20 resource ARNs per call. */
    static final int TAGS_PER_CALL = 20;
    /** The largest page DescribeLoadBalancers and DescribeTargetGroups allow: fewer calls, same data. */
    static final int PAGE_SIZE = 400;

    private final ElasticLoadBalancingV2Client client;

    public SdkAlbApi(ElasticLoadBalancingV2Client client) {
        this.client = client;
    }

    @Override
    public List<LoadBalancer> describeLoadBalancers() {
        List<LoadBalancer> out = new ArrayList<>();
        var pages = client.describeLoadBalancersPaginator(
                DescribeLoadBalancersRequest.builder().pageSize(PAGE_SIZE).build());
        for (var lb : pages.loadBalancers()) {
            // Network and gateway load balancers share the API but not the metrics.
            if (lb.type() != LoadBalancerTypeEnum.APPLICATION) {
                continue;
            }
            out.add(new LoadBalancer(
                    lb.loadBalancerArn(),
                    lb.loadBalancerName(),
                    nullToEmpty(lb.dnsName()),
                    nullToEmpty(lb.schemeAsString()),
                    lb.state() == null ? "" : nullToEmpty(lb.state().codeAsString()),
                    Map.of()));
        }
        return out;
    }

    @Override
    public List<TargetGroup> describeTargetGroups() {
        List<TargetGroup> out = new ArrayList<>();
        var pages = client.describeTargetGroupsPaginator(
                DescribeTargetGroupsRequest.builder().pageSize(PAGE_SIZE).build());
        for (var tg : pages.targetGroups()) {
            out.add(new TargetGroup(
                    tg.targetGroupArn(),
                    tg.targetGroupName(),
                    tg.loadBalancerArns(),
                    nullToEmpty(tg.protocolAsString()),
                    tg.port() == null ? 0 : tg.port(),
                    nullToEmpty(tg.targetTypeAsString()),
                    Map.of()));
        }
        return out;
    }

    @Override
    public List<Listener> describeListeners(String loadBalancerArn) {
        List<Listener> out = new ArrayList<>();
        var pages = client.describeListenersPaginator(DescribeListenersRequest.builder()
                .loadBalancerArn(loadBalancerArn)
                .build());
        for (var l : pages.listeners()) {
            out.add(new Listener(
                    l.listenerArn(),
                    l.loadBalancerArn(),
                    nullToEmpty(l.protocolAsString()),
                    l.port() == null ? 0 : l.port(),
                    forwardTargets(l.defaultActions())));
        }
        return out;
    }

    /** Target groups of forward actions: the plain TargetGroupArn and the weighted ForwardConfig list. */
    static List<String> forwardTargets(List<Action> actions) {
        Set<String> arns = new LinkedHashSet<>();
        for (Action a : actions) {
            if (a.type() != ActionTypeEnum.FORWARD) {
                continue;
            }
            if (a.targetGroupArn() != null) {
                arns.add(a.targetGroupArn());
            }
            if (a.forwardConfig() != null) {
                for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
                    if (t.targetGroupArn() != null) {
                        arns.add(t.targetGroupArn());
                    }
                }
            }
        }
        return List.copyOf(arns);
    }

    @Override
    public Map<String, Map<String, String>> describeTags(List<String> arns) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int i = 0; i < arns.size(); i += TAGS_PER_CALL) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + TAGS_PER_CALL));
            var response = client.describeTags(
                    DescribeTagsRequest.builder().resourceArns(batch).build());
            for (TagDescription d : response.tagDescriptions()) {
                Map<String, String> tags = new LinkedHashMap<>();
                for (Tag t : d.tags()) {
                    tags.put(t.key(), nullToEmpty(t.value()));
                }
                out.put(d.resourceArn(), Map.copyOf(tags));
            }
        }
        return out;
    }

    @Override
    public List<TargetHealth> describeTargetHealth(String targetGroupArn) {
        var response = client.describeTargetHealth(DescribeTargetHealthRequest.builder()
                .targetGroupArn(targetGroupArn)
                .build());
        List<TargetHealth> out = new ArrayList<>();
        for (TargetHealthDescription d : response.targetHealthDescriptions()) {
            String state =
                    d.targetHealth() == null ? "" : nullToEmpty(d.targetHealth().stateAsString());
            String reason =
                    d.targetHealth() == null ? "" : nullToEmpty(d.targetHealth().reasonAsString());
            String id = d.target() == null ? "" : nullToEmpty(d.target().id());
            int port = d.target() == null || d.target().port() == null
                    ? 0
                    : d.target().port();
            out.add(new TargetHealth(id, port, state, reason));
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        client.close();
    }
}
