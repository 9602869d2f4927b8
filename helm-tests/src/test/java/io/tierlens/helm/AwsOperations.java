package io.tierlens.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS operations the exporters' code calls, as IAM actions ({@code rds:DescribeDBInstances}), with the files that
 * call them. A file that refers to an SDK service package ({@code software.amazon.awssdk.services.<svc>.}) is read for
 * (1) model request classes ({@code <svc>.model.<Operation>Request}) and (2) calls {@code .method(} whose name is an
 * operation method of that service's client interface (read by reflection, paginators included), which also finds
 * calls without a request object such as {@code sts.getCallerIdentity()}. EC2 and RDS are called through core's
 * Query-protocol client instead: a file naming one {@code QueryService.<SVC>} is read for {@code .pages("Action"} and
 * {@code .call("Action"}.
 */
final class AwsOperations {
    /** An SDK service package, its synchronous client interface and its IAM action prefix. */
    record SdkService(String packageName, String clientClass, String iamPrefix) {}

    static final List<SdkService> SERVICES = List.of(
            new SdkService("elasticloadbalancingv2", "ElasticLoadBalancingV2Client", "elasticloadbalancing"),
            new SdkService("cloudwatch", "CloudWatchClient", "cloudwatch"),
            // EC2 and RDS: no SDK client any more (core's AwsQueryClient), but their IAM prefixes are still ours
            new SdkService("rds", "RdsClient", "rds"),
            new SdkService("backup", "BackupClient", "backup"),
            new SdkService("route53", "Route53Client", "route53"),
            new SdkService("pricing", "PricingClient", "pricing"),
            new SdkService("ec2", "Ec2Client", "ec2"),
            new SdkService("costexplorer", "CostExplorerClient", "ce"),
            new SdkService("sts", "StsClient", "sts"));

    private static final Pattern SERVICE_REFERENCE =
            Pattern.compile("software\\.amazon\\.awssdk\\.services\\.(\\w+)\\.");
    private static final Pattern REQUEST_CLASS =
            Pattern.compile("software\\.amazon\\.awssdk\\.services\\.(\\w+)\\.model\\.(\\w+)Request\\b");
    private static final Pattern METHOD_CALL = Pattern.compile("\\.\\s*([a-z]\\w*)\\s*\\(");
    private static final Pattern QUERY_SERVICE = Pattern.compile("\\bQueryService\\.(EC2|RDS)\\b");
    private static final Pattern QUERY_CALL = Pattern.compile("\\.\\s*(?:pages|call)\\(\\s*\"([A-Z]\\w+)\"");

    private final Map<String, Set<String>> callers = new TreeMap<>();
    private final Set<String> unknownServices = new TreeSet<>();

    private AwsOperations() {}

    /** Scans {@code exporters/<module>/src/main/java} of every module under {@code root}. */
    static AwsOperations scan(Path root) {
        AwsOperations out = new AwsOperations();
        Map<String, Map<String, String>> operationsByService = new HashMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("exporters"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().matches("exporters/[^/]+/src/main/java/.*"))
                    .sorted()
                    .toList()) {
                out.scanFile(root.relativize(file).toString(), Files.readString(file), operationsByService);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void scanFile(String file, String text, Map<String, Map<String, String>> operationsByService) {
        Set<String> services = new TreeSet<>();
        Matcher ref = SERVICE_REFERENCE.matcher(text);
        while (ref.find()) {
            services.add(ref.group(1));
        }
        for (String pkg : services) {
            SdkService service = SERVICES.stream()
                    .filter(s -> s.packageName().equals(pkg))
                    .findFirst()
                    .orElse(null);
            if (service == null) {
                unknownServices.add(pkg + " (in " + file + ")");
                continue;
            }
            Map<String, String> operations = operationsByService.computeIfAbsent(pkg, p -> operations(service));
            Matcher call = METHOD_CALL.matcher(text);
            while (call.find()) {
                String op = operations.get(call.group(1));
                if (op != null) {
                    add(service.iamPrefix() + ":" + op, file);
                }
            }
        }
        scanQueryCalls(file, text);
        Matcher request = REQUEST_CLASS.matcher(text);
        while (request.find()) {
            String pkg = request.group(1);
            String op = request.group(2);
            SERVICES.stream()
                    .filter(s -> s.packageName().equals(pkg))
                    .findFirst()
                    .ifPresent(s -> add(s.iamPrefix() + ":" + op, file));
        }
    }

    /** Query-protocol actions: the file's one {@code QueryService} constant gives the IAM prefix. */
    private void scanQueryCalls(String file, String text) {
        Set<String> queryServices = new TreeSet<>();
        Matcher svc = QUERY_SERVICE.matcher(text);
        while (svc.find()) {
            queryServices.add(svc.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        Matcher call = QUERY_CALL.matcher(text);
        while (call.find()) {
            if (queryServices.size() != 1) {
                unknownServices.add(
                        "Query call " + call.group(1) + " without exactly one QueryService (in " + file + ")");
                continue;
            }
            add(queryServices.iterator().next() + ":" + call.group(1), file);
        }
    }

    /** Operation method name (e.g. describeDbInstancesPaginator) → operation (DescribeDBInstances). */
    static Map<String, String> operations(SdkService service) {
        String className = "software.amazon.awssdk.services." + service.packageName() + "." + service.clientClass();
        Class<?> client;
        try {
            client = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(
                    "add software.amazon.awssdk:" + service.packageName() + " to helm-tests/pom.xml: the code uses it",
                    e);
        }
        String modelPackage = "software.amazon.awssdk.services." + service.packageName() + ".model";
        Map<String, String> out = new HashMap<>();
        for (Method m : client.getMethods()) {
            if (m.getParameterCount() == 1) {
                Class<?> p = m.getParameterTypes()[0];
                if (p.getPackageName().equals(modelPackage) && p.getSimpleName().endsWith("Request")) {
                    String op = p.getSimpleName().substring(0, p.getSimpleName().length() - "Request".length());
                    out.put(m.getName(), op);
                }
            }
        }
        if (out.isEmpty()) {
            throw new AssertionError(className + " has no operation methods; is it the client interface?");
        }
        return out;
    }

    private void add(String action, String file) {
        callers.computeIfAbsent(action, a -> new TreeSet<>()).add(file);
    }

    /** IAM action → the files that call it. */
    Map<String, Set<String>> callers() {
        return callers;
    }

    /** SDK service packages the code uses that {@link #SERVICES} does not map to an IAM prefix. */
    Set<String> unknownServices() {
        return unknownServices;
    }

    /** The actions called by code of module {@code exporters/<module>}. */
    Set<String> calledBy(String module) {
        Set<String> out = new TreeSet<>();
        callers.forEach((action, files) -> {
            if (files.stream().anyMatch(f -> f.startsWith("exporters/" + module + "/"))) {
                out.add(action);
            }
        });
        return out;
    }
}
