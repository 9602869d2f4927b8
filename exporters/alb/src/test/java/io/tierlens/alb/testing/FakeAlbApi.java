package io.tierlens.alb.testing;

import io.tierlens.alb.client.AlbApi;
import io.tierlens.alb.model.Listener;
import io.tierlens.alb.model.LoadBalancer;
import io.tierlens.alb.model.TargetGroup;
import io.tierlens.alb.model.TargetHealth;
import io.tierlens.core.testing.TestEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;

/** An in-memory ELBv2 account: what it returns is what the test put in; failures can be injected per operation. */
public final class FakeAlbApi implements AlbApi {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";

    /** Registers this fake as {@code AlbApi} of every target of {@code env}; call once per environment. */
    public static TestEnvironment.Fakes<FakeAlbApi> in(TestEnvironment env) {
        return env.fakes(AlbApi.class, t -> new FakeAlbApi(t.accountId(), t.region()));
    }

    private final String arnPrefix;
    private final List<LoadBalancer> loadBalancers = new ArrayList<>();
    private final List<TargetGroup> targetGroups = new ArrayList<>();
    private final Map<String, List<Listener>> listeners = new HashMap<>();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final Map<String, List<TargetHealth>> health = new HashMap<>();
    private final Map<String, Supplier<RuntimeException>> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final List<Integer> tagBatchSizes = new ArrayList<>();

    public FakeAlbApi() {
        this(ACCOUNT, REGION);
    }

    public FakeAlbApi(String account, String region) {
        this.arnPrefix = "arn:aws:elasticloadbalancing:" + region + ":" + account + ":";
    }

    public LoadBalancer addLoadBalancer(String name, Map<String, String> lbTags) {
        String id = String.format("%016x", (long) name.hashCode() & 0xffffffffL);
        LoadBalancer lb = new LoadBalancer(
                arnPrefix + "loadbalancer/app/" + name + "/" + id,
                name,
                name + "-1234567890." + "eu-west-1.elb.amazonaws.com",
                "internet-facing",
                "active",
                Map.of());
        loadBalancers.add(lb);
        tags.put(lb.arn(), Map.copyOf(lbTags));
        return lb;
    }

    public void removeLoadBalancer(LoadBalancer lb) {
        loadBalancers.removeIf(l -> l.arn().equals(lb.arn()));
    }

    /** A target group that lists {@code routedFrom} as its load balancers (ELBv2's own view). */
    public TargetGroup addTargetGroup(String name, Map<String, String> tgTags, LoadBalancer... routedFrom) {
        String id = String.format("%016x", (long) name.hashCode() & 0xffffffffL);
        List<String> lbArns = new ArrayList<>();
        for (LoadBalancer lb : routedFrom) {
            lbArns.add(lb.arn());
        }
        TargetGroup tg =
                new TargetGroup(arnPrefix + "targetgroup/" + name + "/" + id, name, lbArns, "HTTP", 80, "ip", Map.of());
        targetGroups.add(tg);
        tags.put(tg.arn(), Map.copyOf(tgTags));
        return tg;
    }

    public void addListener(LoadBalancer lb, int port, TargetGroup... forwardTo) {
        List<String> arns = new ArrayList<>();
        for (TargetGroup tg : forwardTo) {
            arns.add(tg.arn());
        }
        listeners
                .computeIfAbsent(lb.arn(), k -> new ArrayList<>())
                .add(new Listener(arnPrefix + "listener/app/" + lb.name() + "/" + port, lb.arn(), "HTTP", port, arns));
    }

    public void setHealth(TargetGroup tg, TargetHealth... targets) {
        health.put(tg.arn(), List.of(targets));
    }

    /** Makes every later call of {@code operation} (e.g. "DescribeTargetHealth") throw. */
    public void fail(String operation, Supplier<RuntimeException> error) {
        failures.put(operation, error);
    }

    public void heal(String operation) {
        failures.remove(operation);
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    public List<Integer> tagBatchSizes() {
        return List.copyOf(tagBatchSizes);
    }

    @Override
    public List<LoadBalancer> describeLoadBalancers() {
        call("DescribeLoadBalancers");
        return List.copyOf(loadBalancers);
    }

    @Override
    public List<TargetGroup> describeTargetGroups() {
        call("DescribeTargetGroups");
        return List.copyOf(targetGroups);
    }

    @Override
    public List<Listener> describeListeners(String loadBalancerArn) {
        call("DescribeListeners");
        return List.copyOf(listeners.getOrDefault(loadBalancerArn, List.of()));
    }

    @Override
    public Map<String, Map<String, String>> describeTags(List<String> arns) {
        call("DescribeTags");
        tagBatchSizes.add(arns.size());
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String arn : arns) {
            out.put(arn, tags.getOrDefault(arn, Map.of()));
        }
        return out;
    }

    @Override
    public List<TargetHealth> describeTargetHealth(String targetGroupArn) {
        call("DescribeTargetHealth");
        return health.getOrDefault(targetGroupArn, List.of());
    }

    private void call(String operation) {
        calls.merge(operation, 1, Integer::sum);
        Supplier<RuntimeException> failure = failures.get(operation);
        if (failure != null) {
            throw failure.get();
        }
    }

    /** What the SDK throws for a 403 AccessDenied. */
    public static RuntimeException accessDenied(String operation) {
        return ElasticLoadBalancingV2Exception.builder()
                .statusCode(403)
                .message("User: arn:aws:sts::123456789012:assumed-role/tierlens is not authorized to perform: "
                        + "elasticloadbalancing:" + operation)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .serviceName("ElasticLoadBalancingV2")
                        .build())
                .build();
    }

    /** What the SDK throws when retries ran out on {@code Throttling}. */
    public static RuntimeException throttled() {
        return ElasticLoadBalancingV2Exception.builder()
                .statusCode(400)
                .message("Rate exceeded")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("Throttling")
                        .serviceName("ElasticLoadBalancingV2")
                        .build())
                .build();
    }
}
