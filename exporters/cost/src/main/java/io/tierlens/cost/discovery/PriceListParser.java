package io.tierlens.cost.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Reads the Pricing API's price list documents (JSON strings inside the GetProducts answer): the hourly USD
 * price of the on-demand term of the product whose attributes match.
 */
public final class PriceListParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRODUCT_FAMILY = "productFamily";

    private PriceListParser() {}

    /**
     * The lowest positive hourly on-demand price among {@code documents} whose product attributes include all of
     * {@code attributes}; empty when none matches.
     */
    public static OptionalDouble hourlyOnDemand(List<String> documents, Map<String, String> attributes) {
        OptionalDouble best = OptionalDouble.empty();
        for (String doc : documents) {
            JsonNode root;
            try {
                root = JSON.readTree(doc);
            } catch (JsonProcessingException e) {
                // one unreadable document does not hide the others
                continue;
            }
            if (!matches(root.path("product").path("attributes"), attributes)) {
                continue;
            }
            OptionalDouble p = hourly(root.path("terms").path("OnDemand"));
            if (p.isPresent() && (best.isEmpty() || p.getAsDouble() < best.getAsDouble())) {
                best = p;
            }
        }
        return best;
    }

    /**
     * The lowest positive on-demand price in {@code unit} (compared without case: {@code Hrs}, {@code LCU-Hrs},
     * {@code GB}, {@code GB-Mo}, {@code IOPS-Mo}) among the documents whose product attributes include all of
     * {@code attributes} and whose {@code usagetype} passes {@code usagetype} (usage types carry a region prefix,
     * {@code APN2-NatGateway-Hours}, so callers match the part after it).
     */
    public static OptionalDouble onDemand(
            List<String> documents, Map<String, String> attributes, Predicate<String> usagetype, String unit) {
        OptionalDouble best = OptionalDouble.empty();
        for (String doc : documents) {
            JsonNode root;
            try {
                root = JSON.readTree(doc);
            } catch (JsonProcessingException e) {
                continue;
            }
            JsonNode attrs = root.path("product").path("attributes");
            // productFamily is a filter field, but the document holds it beside the attributes, not among them
            Map<String, String> wanted = new java.util.HashMap<>(attributes);
            String family = wanted.remove(PRODUCT_FAMILY);
            if (family != null
                    && !family.equals(root.path("product").path(PRODUCT_FAMILY).asText(""))) {
                continue;
            }
            if (!matches(attrs, wanted)
                    || !usagetype.test(attrs.path("usagetype").asText(""))) {
                continue;
            }
            OptionalDouble p = price(root.path("terms").path("OnDemand"), u -> u.equalsIgnoreCase(unit));
            if (p.isPresent() && (best.isEmpty() || p.getAsDouble() < best.getAsDouble())) {
                best = p;
            }
        }
        return best;
    }

    private static boolean matches(JsonNode attrs, Map<String, String> wanted) {
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!e.getValue().equals(attrs.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static OptionalDouble hourly(JsonNode onDemandTerms) {
        return price(onDemandTerms, u -> u.equals("Hrs") || u.equals("Hours"));
    }

    private static OptionalDouble price(JsonNode onDemandTerms, Predicate<String> unitWanted) {
        for (Iterator<JsonNode> terms = onDemandTerms.elements(); terms.hasNext(); ) {
            for (Iterator<JsonNode> dims = terms.next().path("priceDimensions").elements(); dims.hasNext(); ) {
                JsonNode d = dims.next();
                String unit = d.path("unit").asText("");
                String usd = d.path("pricePerUnit").path("USD").asText("");
                if (unitWanted.test(unit) && !usd.isEmpty()) {
                    try {
                        double v = Double.parseDouble(usd);
                        if (v > 0) {
                            return OptionalDouble.of(v);
                        }
                    } catch (NumberFormatException e) {
                        // not a number: look at the next dimension
                    }
                }
            }
        }
        return OptionalDouble.empty();
    }
}
