package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * helm/iam-policy.json against the code: every AWS operation an exporter calls is allowed (a new call without a
 * policy update fails here), and every allowed action of an exporter that exists is called by it (least privilege).
 * Statement ids name the module: TierlensCore* → exporters/core, TierlensAlb → exporters/alb, ...
 */
class IamPolicyTest {
    private static final Pattern SID = Pattern.compile("Tierlens([A-Z][a-z0-9]*)[A-Za-z0-9]*");
    private static JsonNode policy;
    private static AwsOperations code;

    @BeforeAll
    static void read() throws IOException {
        policy = Manifests.JSON.readTree(
                RepoLayout.root().resolve("helm/iam-policy.json").toFile());
        code = AwsOperations.scan(RepoLayout.root());
    }

    /** Sid → actions. */
    private static Map<String, Set<String>> statements() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (JsonNode s : policy.path("Statement")) {
            Set<String> actions = new TreeSet<>();
            JsonNode a = s.path("Action");
            if (a.isArray()) {
                a.forEach(x -> actions.add(x.asText()));
            } else {
                actions.add(a.asText());
            }
            out.put(s.path("Sid").asText(), actions);
        }
        return out;
    }

    private static Set<String> allowed() {
        Set<String> out = new TreeSet<>();
        statements().values().forEach(out::addAll);
        return out;
    }

    @Test
    void theScanFindsTheCallsThatExistToday() {
        // the scanner itself: calls through paginators, plain calls, calls without a request object
        assertThat(code.callers())
                .containsKeys(
                        "elasticloadbalancing:DescribeLoadBalancers",
                        "elasticloadbalancing:DescribeTargetHealth",
                        "cloudwatch:GetMetricData",
                        "sts:GetCallerIdentity",
                        "sts:AssumeRole",
                        // through core's Query-protocol client, not an SDK client
                        "rds:DescribeDBInstances",
                        "ec2:DescribeSpotPriceHistory");
        assertThat(code.callers().get("cloudwatch:GetMetricData")).anyMatch(f -> f.startsWith("exporters/core/"));
        assertThat(code.unknownServices())
                .as("SDK services without an IAM prefix in AwsOperations.SERVICES")
                .isEmpty();
    }

    @Test
    void everyOperationTheCodeCallsIsAllowed() {
        // IAM action names are case-insensitive; the SDK spells some differently (DescribeDbInstances).
        Set<String> allowed = lowerCase(allowed());
        Map<String, Set<String>> missing = new TreeMap<>(code.callers());
        missing.keySet().removeIf(action -> allowed.contains(action.toLowerCase(java.util.Locale.ROOT)));
        assertThat(missing)
                .as("AWS operations the code calls that helm/iam-policy.json does not allow (action → callers);"
                        + " add them to the statement of the calling module")
                .isEmpty();
    }

    @Test
    void everyAllowedActionOfAnExistingModuleIsCalledByIt() {
        List<String> unused = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        statements().forEach((sid, actions) -> {
            Matcher m = SID.matcher(sid);
            assertThat(m.matches())
                    .as("Sid %s names its module: Tierlens<Module>[Detail]", sid)
                    .isTrue();
            String module = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (!Files.isDirectory(RepoLayout.root().resolve("exporters").resolve(module))) {
                unverified.add(sid + " (exporters/" + module + " does not exist yet)");
                return;
            }
            Set<String> called = lowerCase(code.calledBy(module));
            for (String action : actions) {
                if (!called.contains(action.toLowerCase(java.util.Locale.ROOT))) {
                    unused.add(sid + ": " + action);
                }
            }
        });
        System.out.println("IAM statements checked against code once their module exists: " + unverified);
        assertThat(unused)
                .as("allowed actions that the statement's module never calls (least privilege: remove them)")
                .isEmpty();
    }

    private static Set<String> lowerCase(java.util.Collection<String> actions) {
        Set<String> out = new java.util.HashSet<>();
        actions.forEach(a -> out.add(a.toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    @Test
    void thePolicyIsWellFormedAndGrantsOnlyNamedActions() {
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        Set<String> prefixes = new TreeSet<>();
        AwsOperations.SERVICES.forEach(s -> prefixes.add(s.iamPrefix()));
        Set<String> sids = new TreeSet<>();
        for (JsonNode s : policy.path("Statement")) {
            assertThat(sids.add(s.path("Sid").asText())).as("unique Sid").isTrue();
            assertThat(s.path("Effect").asText()).isEqualTo("Allow");
            assertThat(s.has("NotAction")).isFalse();
            assertThat(s.has("NotResource")).isFalse();
        }
        for (String action : allowed()) {
            assertThat(action).as("no wildcards").doesNotContain("*").doesNotContain("?");
            assertThat(action).matches("[a-z0-9-]+:[A-Z][A-Za-z0-9]+");
            assertThat(prefixes).as("service prefix of %s", action).contains(action.substring(0, action.indexOf(':')));
        }
    }

    @Test
    void assumeRoleIsLimitedToTierlensRoles() {
        for (JsonNode s : policy.path("Statement")) {
            if (s.path("Action").toString().contains("sts:AssumeRole")) {
                assertThat(s.path("Resource").asText()).isEqualTo("arn:aws:iam::*:role/tierlens-*");
            }
        }
    }
}
