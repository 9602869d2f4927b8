package io.tierlens.demo.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.model.Price;
import io.tierlens.cost.model.StaticPrices;
import io.tierlens.cost.model.StaticUnitPrices;
import io.tierlens.cost.model.UnitPrice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's Price List API: one product document per query, in the shape GetProducts returns, priced at the
 * bundled us-east-1 price plus the demo region's markup.
 */
final class SimulatedPricing implements PricingApi {
    /** Seoul lists EC2 about 10% above us-east-1. */
    static final double REGION_MARKUP = 1.1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StaticPrices prices;
    private final StaticUnitPrices unitPrices;
    private final ApiCallRecorder recorder;

    SimulatedPricing(StaticPrices prices, StaticUnitPrices unitPrices, ApiCallRecorder recorder) {
        this.prices = prices;
        this.unitPrices = unitPrices;
        this.recorder = recorder;
    }

    @Override
    public List<String> getProducts(String serviceCode, Map<String, String> filters) {
        recorder.recordRequest("pricing", "GetProducts", ApiOutcome.OK);
        if (!filters.containsKey("instanceType")) {
            return unitPriceDocuments(serviceCode, filters);
        }
        String type = filters.getOrDefault("instanceType", "");
        Double base = serviceCode.equals("AmazonRDS")
                ? prices.rds().get(type)
                : prices.ec2().get(type);
        if (base == null) {
            return List.of();
        }
        double usd = base * REGION_MARKUP * ("Multi-AZ".equals(filters.get("deploymentOption")) ? 2 : 1);
        return List.of(document(serviceCode, filters, usd));
    }

    /**
     * The answer to a unit price request ({@code UnitPriceRequests}): one product per usage type the request is
     * read for, at the bundled list price of the asked region, in the Price List's product family and units.
     */
    private List<String> unitPriceDocuments(String serviceCode, Map<String, String> filters) {
        Map<UnitPrice, Price> list = unitPrices.forRegion(filters.getOrDefault("regionCode", ""));
        String family = filters.getOrDefault("productFamily", "");
        Map<String, String> attrs = new LinkedHashMap<>(filters);
        attrs.remove("productFamily");
        List<String> out = new ArrayList<>();
        switch (serviceCode + "|" + family) {
            case "AWSELB|Load Balancer-Application" -> {
                out.add(unitDocument(
                        serviceCode, family, attrs, "DEMO-LoadBalancerUsage", "Hrs", list.get(UnitPrice.ALB_HOUR)));
                out.add(unitDocument(
                        serviceCode, family, attrs, "DEMO-LCUUsage", "LCU-Hrs", list.get(UnitPrice.ALB_LCU_HOUR)));
            }
            case "AmazonEC2|NAT Gateway" -> {
                out.add(unitDocument(
                        serviceCode,
                        family,
                        attrs,
                        "DEMO-NatGateway-Hours",
                        "Hrs",
                        list.get(UnitPrice.NAT_GATEWAY_HOUR)));
                out.add(unitDocument(
                        serviceCode, family, attrs, "DEMO-NatGateway-Bytes", "GB", list.get(UnitPrice.NAT_GATEWAY_GB)));
            }
            case "AmazonEC2|Storage" ->
                out.add(unitDocument(
                        serviceCode,
                        family,
                        attrs,
                        "DEMO-EBS:VolumeUsage.gp3",
                        "GB-Mo",
                        list.get(UnitPrice.EBS_GB_MONTH)));
            case "AmazonEKS|" -> {
                out.add(unitDocument(
                        serviceCode,
                        "Compute",
                        attrs,
                        "DEMO-AmazonEKS-Hours:perCluster",
                        "Hrs",
                        list.get(UnitPrice.EKS_CLUSTER_HOUR)));
                out.add(unitDocument(
                        serviceCode,
                        "Compute",
                        attrs,
                        "DEMO-AmazonEKS-Hours:extendedSupport",
                        "Hrs",
                        list.get(UnitPrice.EKS_EXTENDED_CLUSTER_HOUR)));
            }
            case "AmazonRDS|Database Storage" ->
                out.add(unitDocument(
                        serviceCode,
                        family,
                        attrs,
                        "DEMO-RDS:GP3-Storage",
                        "GB-Mo",
                        list.get(UnitPrice.RDS_STORAGE_GB_MONTH)));
            case "AmazonRDS|Provisioned IOPS" ->
                out.add(unitDocument(
                        serviceCode, family, attrs, "DEMO-RDS:PIOPS", "IOPS-Mo", list.get(UnitPrice.RDS_IOPS_MONTH)));
            default -> {}
        }
        return out;
    }

    private static String unitDocument(
            String serviceCode, String family, Map<String, String> attrs, String usagetype, String unit, Price p) {
        Map<String, String> a = new LinkedHashMap<>(attrs);
        a.put("usagetype", usagetype);
        return document(serviceCode, family, a, unit, p.usdPerHour());
    }

    private static String document(String serviceCode, Map<String, String> attributes, double usd) {
        return document(serviceCode, "Compute Instance", attributes, "Hrs", usd);
    }

    private static String document(
            String serviceCode, String family, Map<String, String> attributes, String unit, double usd) {
        String sku = "DEMO" + Integer.toHexString(attributes.hashCode()).toUpperCase(java.util.Locale.ROOT);
        Map<String, Object> dimension = new LinkedHashMap<>();
        dimension.put("unit", unit);
        dimension.put("endRange", "Inf");
        dimension.put("description", String.format("$%.4f per On Demand hour (demo)", usd));
        dimension.put("appliesTo", List.of());
        dimension.put("rateCode", sku + ".JRTCKXETXF.6YS6EN2CT7");
        dimension.put("beginRange", "0");
        dimension.put("pricePerUnit", Map.of("USD", String.format("%.10f", usd)));
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("priceDimensions", Map.of(sku + ".JRTCKXETXF.6YS6EN2CT7", dimension));
        term.put("sku", sku);
        term.put("effectiveDate", "2025-11-01T00:00:00Z");
        term.put("offerTermCode", "JRTCKXETXF");
        term.put("termAttributes", Map.of());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("product", Map.of("productFamily", family, "attributes", attributes, "sku", sku));
        doc.put("serviceCode", serviceCode);
        doc.put("terms", Map.of("OnDemand", Map.of(sku + ".JRTCKXETXF", term)));
        doc.put("version", "20251101000000");
        doc.put("publicationDate", "2025-11-01T00:00:00Z");
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a demo price document", e);
        }
    }
}
