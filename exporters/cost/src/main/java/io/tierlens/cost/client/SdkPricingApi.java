package io.tierlens.cost.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/** {@link PricingApi} over the SDK; the client must be built for us-east-1. */
public final class SdkPricingApi implements PricingApi, AutoCloseable {
    private final PricingClient client;

    public SdkPricingApi(PricingClient client) {
        this.client = client;
    }

    @Override
    public List<String> getProducts(String serviceCode, Map<String, String> termMatchFilters) {
        List<Filter> filters = termMatchFilters.entrySet().stream()
                .map(e -> Filter.builder()
                        .type(FilterType.TERM_MATCH)
                        .field(e.getKey())
                        .value(e.getValue())
                        .build())
                .toList();
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            GetProductsResponse r = client.getProducts(GetProductsRequest.builder()
                    .serviceCode(serviceCode)
                    .formatVersion("aws_v1")
                    .filters(filters)
                    .maxResults(100)
                    .nextToken(token)
                    .build());
            out.addAll(r.priceList());
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    @Override
    public void close() {
        client.close();
    }
}
