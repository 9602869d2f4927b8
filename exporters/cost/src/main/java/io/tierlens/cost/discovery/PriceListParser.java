package io.tierlens.cost.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads the Pricing API's price list documents (JSON strings inside the GetProducts answer): the hourly USD
 * price of the on-demand term of the product whose attributes match.
 */
public final class PriceListParser {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static boolean matches(JsonNode attrs, Map<String, String> wanted) {
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!e.getValue().equals(attrs.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static OptionalDouble hourly(JsonNode onDemandTerms) {
        for (Iterator<JsonNode> terms = onDemandTerms.elements(); terms.hasNext(); ) {
            for (Iterator<JsonNode> dims = terms.next().path("priceDimensions").elements(); dims.hasNext(); ) {
                JsonNode d = dims.next();
                String unit = d.path("unit").asText("");
                String usd = d.path("pricePerUnit").path("USD").asText("");
                if ((unit.equals("Hrs") || unit.equals("Hours")) && !usd.isEmpty()) {
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
