package io.tierlens.cost.client;

import java.util.List;
import java.util.Map;

/**
 * The AWS Price List Query API (served from us-east-1). Implementations follow pagination. Errors are the SDK's
 * exceptions.
 */
public interface PricingApi {

    /**
     * GetProducts with TERM_MATCH filters.
     *
     * @return the price list documents, each a JSON string (product, terms)
     */
    List<String> getProducts(String serviceCode, Map<String, String> termMatchFilters);
}
