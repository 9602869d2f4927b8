package io.tierlens.cost.testing;

import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.cost.client.CostExplorerApi;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.client.SpotPriceApi;
import io.tierlens.cost.model.ServiceCost;
import io.tierlens.cost.model.SpotPrice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scriptable fakes of the cost exporter's client interfaces. */
public final class Fakes {
    private Fakes() {}

    /** A GetProducts document for an EC2 Linux on-demand product, as the Price List API writes it. */
    public static String ec2Document(String region, String instanceType, String usd) {
        return """
                {"product":{"productFamily":"Compute Instance","attributes":{"instanceType":"%s",\
                "operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used",\
                "licenseModel":"No License required","regionCode":"%s","operation":"RunInstances"},\
                "sku":"7W6DGJ3DVWMTPX3N"},"serviceCode":"AmazonEC2","terms":{"OnDemand":{\
                "7W6DGJ3DVWMTPX3N.JRTCKXETXF":{"priceDimensions":{"7W6DGJ3DVWMTPX3N.JRTCKXETXF.6YS6EN2CT7":{\
                "unit":"Hrs","endRange":"Inf","description":"$%s per On Demand Linux %s Instance Hour",\
                "appliesTo":[],"rateCode":"7W6DGJ3DVWMTPX3N.JRTCKXETXF.6YS6EN2CT7","beginRange":"0",\
                "pricePerUnit":{"USD":"%s"}}},"sku":"7W6DGJ3DVWMTPX3N","effectiveDate":"2025-11-01T00:00:00Z",\
                "offerTermCode":"JRTCKXETXF","termAttributes":{}}}},"version":"20251101000000",\
                "publicationDate":"2025-11-01T00:00:00Z"}""".formatted(instanceType, region, usd, instanceType, usd);
    }

    /**
     * A GetProducts document of any service: product attributes (with {@code usagetype}) and one on-demand price
     * dimension in {@code unit}, shaped as the Price List API writes it.
     */
    public static String priceDocument(
            String serviceCode, String productFamily, Map<String, String> attributes, String unit, String usd) {
        try {
            Map<String, Object> dimension = new java.util.LinkedHashMap<>();
            dimension.put("unit", unit);
            dimension.put("endRange", "Inf");
            dimension.put("description", "$" + usd + " per " + unit);
            dimension.put("appliesTo", List.of());
            dimension.put("rateCode", "SKU1.JRTCKXETXF.6YS6EN2CT7");
            dimension.put("beginRange", "0");
            dimension.put("pricePerUnit", Map.of("USD", usd));
            Map<String, Object> term = new java.util.LinkedHashMap<>();
            term.put("priceDimensions", Map.of("SKU1.JRTCKXETXF.6YS6EN2CT7", dimension));
            term.put("sku", "SKU1");
            term.put("effectiveDate", "2026-11-01T00:00:00Z");
            term.put("offerTermCode", "JRTCKXETXF");
            term.put("termAttributes", Map.of());
            Map<String, Object> product = new java.util.LinkedHashMap<>();
            product.put("productFamily", productFamily);
            product.put("attributes", attributes);
            product.put("sku", "SKU1");
            Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("product", product);
            doc.put("serviceCode", serviceCode);
            doc.put("terms", Map.of("OnDemand", Map.of("SKU1.JRTCKXETXF", term)));
            doc.put("version", "20261101000000");
            doc.put("publicationDate", "2026-11-01T00:00:00Z");
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What GetProducts answers in ap-northeast-2 for each unit price request (Seoul list prices), with a
     * decoy per answer that must not be picked (another usage type or unit).
     */
    public static List<String> seoulUnitPriceAnswer(String serviceCode, Map<String, String> filters) {
        String family = filters.getOrDefault("productFamily", "");
        Map<String, String> base = new java.util.HashMap<>(filters);
        base.remove("productFamily");
        return switch (serviceCode + "|" + family) {
            case "AWSELB|Load Balancer-Application" ->
                List.of(
                        priceDocument(
                                serviceCode,
                                family,
                                with(base, "usagetype", "APN2-LoadBalancerUsage"),
                                "Hrs",
                                "0.0225"),
                        priceDocument(
                                serviceCode, family, with(base, "usagetype", "APN2-LCUUsage"), "LCU-Hrs", "0.008"),
                        priceDocument(
                                serviceCode, family, with(base, "usagetype", "APN2-TS-LCUUsage"), "LCU-Hrs", "0.001"));
            case "AmazonEC2|NAT Gateway" ->
                List.of(
                        priceDocument(
                                serviceCode, family, with(base, "usagetype", "APN2-NatGateway-Hours"), "Hrs", "0.059"),
                        priceDocument(
                                serviceCode, family, with(base, "usagetype", "APN2-NatGateway-Bytes"), "GB", "0.059"),
                        priceDocument(
                                serviceCode,
                                family,
                                with(base, "usagetype", "APN2-NatGateway-Prvt-Hours"),
                                "Hrs",
                                "0.001"));
            case "AmazonEC2|Storage" ->
                List.of(priceDocument(
                        serviceCode, family, with(base, "usagetype", "APN2-EBS:VolumeUsage.gp3"), "GB-Mo", "0.0912"));
            case "AmazonEKS|" ->
                List.of(
                        priceDocument(
                                serviceCode,
                                "Compute",
                                with(base, "usagetype", "APN2-AmazonEKS-Hours:perCluster"),
                                "Hrs",
                                "0.10"),
                        priceDocument(
                                serviceCode,
                                "Compute",
                                with(base, "usagetype", "APN2-AmazonEKS-Hours:extendedSupport"),
                                "Hrs",
                                "0.60"),
                        priceDocument(
                                serviceCode,
                                "Compute",
                                with(base, "usagetype", "APN2-Fargate-vCPU-Hours:perCPU"),
                                "hours",
                                "0.04656"));
            case "AmazonRDS|Database Storage" ->
                List.of(priceDocument(
                        serviceCode, family, with(base, "usagetype", "APN2-RDS:GP3-Storage"), "GB-Mo", "0.131"));
            case "AmazonRDS|Provisioned IOPS" ->
                List.of(priceDocument(
                        serviceCode, family, with(base, "usagetype", "APN2-RDS:PIOPS"), "IOPS-Mo", "0.12"));
            default -> List.of();
        };
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> out = new java.util.HashMap<>(m);
        out.put(k, v);
        return out;
    }

    public static final class Pricing implements PricingApi {
        public final Map<String, String> usdByType = new HashMap<>();
        public final List<Map<String, String>> calls = new ArrayList<>();
        public RuntimeException failure;

        @Override
        public List<String> getProducts(String serviceCode, Map<String, String> filters) {
            calls.add(Map.copyOf(filters));
            if (failure != null) {
                throw failure;
            }
            String type = filters.get("instanceType");
            String usd = usdByType.get(type);
            if (usd == null) {
                return List.of();
            }
            if (serviceCode.equals("AmazonRDS")) {
                Map<String, String> attrs = new HashMap<>(filters);
                return List.of(ec2Document(filters.get("regionCode"), type, usd)
                        .replace(
                                "\"operatingSystem\":\"Linux\"",
                                "\"databaseEngine\":\"" + attrs.get("databaseEngine") + "\",\"deploymentOption\":\""
                                        + attrs.get("deploymentOption") + "\""));
            }
            return List.of(ec2Document(filters.get("regionCode"), type, usd));
        }
    }

    public static final class Spot implements SpotPriceApi {
        public final List<SpotPrice> history = new ArrayList<>();
        public final List<Collection<String>> calls = new ArrayList<>();
        public RuntimeException failure;

        @Override
        public List<SpotPrice> spotPriceHistory(Collection<String> instanceTypes, Instant start) {
            calls.add(List.copyOf(instanceTypes));
            if (failure != null) {
                throw failure;
            }
            return history.stream()
                    .filter(p -> instanceTypes.contains(p.instanceType()))
                    .toList();
        }
    }

    public static final class CostExplorer implements CostExplorerApi {
        public final List<String> calls = new ArrayList<>();
        public final List<List<ServiceCost>> pages = new ArrayList<>();
        public final Map<String, Double> forecasts = new HashMap<>();
        public RuntimeException failure;

        @Override
        public CostPage costByService(LocalDate start, LocalDate end, Optional<String> pageToken) {
            calls.add("GetCostAndUsage " + start + ".." + end + " " + pageToken.orElse("-"));
            if (failure != null) {
                throw failure;
            }
            int i = pageToken.map(Integer::parseInt).orElse(0);
            return new CostPage(
                    pages.get(i), i + 1 < pages.size() ? Optional.of(String.valueOf(i + 1)) : Optional.empty());
        }

        @Override
        public double forecast(LocalDate start, LocalDate end, Optional<String> service) {
            calls.add("GetCostForecast " + start + ".." + end + " " + service.orElse("-"));
            if (failure != null) {
                throw failure;
            }
            return forecasts.getOrDefault(service.orElse("total"), 0.0);
        }
    }

    /** Counts what would go to the self-metrics. */
    public static final class Recorder implements ApiCallRecorder {
        public final Map<String, Double> costs = new HashMap<>();
        public final List<String> requests = new ArrayList<>();

        @Override
        public void recordRequest(String service, String operation, ApiOutcome outcome) {
            requests.add(service + " " + operation + " " + outcome.label());
        }

        @Override
        public void recordCost(String service, double usd) {
            costs.merge(service, usd, Double::sum);
        }
    }
}
