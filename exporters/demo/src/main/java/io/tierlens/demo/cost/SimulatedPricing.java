package io.tierlens.demo.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierlens.core.aws.ApiCallRecorder;
import io.tierlens.core.aws.ApiOutcome;
import io.tierlens.cost.client.PricingApi;
import io.tierlens.cost.model.StaticPrices;
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
    private final ApiCallRecorder recorder;

    SimulatedPricing(StaticPrices prices, ApiCallRecorder recorder) {
        this.prices = prices;
        this.recorder = recorder;
    }

    @Override
    public List<String> getProducts(String serviceCode, Map<String, String> filters) {
        recorder.recordRequest("pricing", "GetProducts", ApiOutcome.OK);
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

    private static String document(String serviceCode, Map<String, String> attributes, double usd) {
        String sku = "DEMO" + Integer.toHexString(attributes.hashCode()).toUpperCase(java.util.Locale.ROOT);
        Map<String, Object> dimension = new LinkedHashMap<>();
        dimension.put("unit", "Hrs");
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
        doc.put("product", Map.of("productFamily", "Compute Instance", "attributes", attributes, "sku", sku));
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
