package io.tierlens.cost.discovery;

import io.tierlens.cost.model.UnitPrice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The GetProducts filters per component. Usage types carry a region prefix ({@code APN2-LCUUsage}; us-east-1 has
 * none or {@code USE1-}), so the filters name the region by {@code regionCode} and the product family, and the
 * usage type is matched on its suffix in the answer.
 */
public final class UnitPriceRequests {
    private UnitPriceRequests() {}

    /** One price picked from a request's answer. */
    public record Pick(UnitPrice unit, Predicate<String> usagetype, String priceUnit) {}

    /** One GetProducts call and the prices read from its answer. */
    public record Request(String serviceCode, Map<String, String> filters, List<Pick> picks) {
        public Request {
            filters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
            picks = List.copyOf(picks);
        }
    }

    public static List<Request> forRegion(String region) {
        return List.of(
                new Request(
                        "AWSELB",
                        filters(region, "productFamily", "Load Balancer-Application"),
                        List.of(
                                new Pick(UnitPrice.ALB_HOUR, endsWith("LoadBalancerUsage"), "Hrs"),
                                new Pick(UnitPrice.ALB_LCU_HOUR, endsWith("LCUUsage"), "LCU-Hrs"))),
                new Request(
                        "AmazonEC2",
                        filters(region, "productFamily", "NAT Gateway"),
                        List.of(
                                new Pick(UnitPrice.NAT_GATEWAY_HOUR, endsWith("NatGateway-Hours"), "Hrs"),
                                new Pick(UnitPrice.NAT_GATEWAY_GB, endsWith("NatGateway-Bytes"), "GB"))),
                new Request(
                        "AmazonEC2",
                        filters(region, "productFamily", "Storage", "volumeApiName", "gp3"),
                        List.of(new Pick(UnitPrice.EBS_GB_MONTH, endsWith("EBS:VolumeUsage.gp3"), "GB-Mo"))),
                new Request(
                        "AmazonEKS",
                        filters(region),
                        List.of(
                                new Pick(UnitPrice.EKS_CLUSTER_HOUR, endsWith("AmazonEKS-Hours:perCluster"), "Hrs"),
                                new Pick(
                                        UnitPrice.EKS_EXTENDED_CLUSTER_HOUR,
                                        u -> u.contains("AmazonEKS-Hours:")
                                                && u.toLowerCase(Locale.ROOT).contains("extended"),
                                        "Hrs"))),
                new Request(
                        "AmazonRDS",
                        filters(
                                region,
                                "productFamily",
                                "Database Storage",
                                "volumeType",
                                "General Purpose-GP3",
                                "deploymentOption",
                                "Single-AZ",
                                "databaseEngine",
                                "MySQL"),
                        List.of(new Pick(UnitPrice.RDS_STORAGE_GB_MONTH, u -> true, "GB-Mo"))),
                new Request(
                        "AmazonRDS",
                        filters(
                                region,
                                "productFamily",
                                "Provisioned IOPS",
                                "deploymentOption",
                                "Single-AZ",
                                "databaseEngine",
                                "MySQL"),
                        List.of(new Pick(UnitPrice.RDS_IOPS_MONTH, u -> true, "IOPS-Mo"))));
    }

    /** The usage type itself, or behind a region prefix only ({@code APN2-}, {@code USE1-}, {@code EUC1-}). */
    static Predicate<String> endsWith(String suffix) {
        Pattern prefixed = Pattern.compile("[A-Z]{2,4}[0-9]?-" + Pattern.quote(suffix));
        return u -> u.equals(suffix) || prefixed.matcher(u).matches();
    }

    private static Map<String, String> filters(String region, String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("regionCode", region);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
