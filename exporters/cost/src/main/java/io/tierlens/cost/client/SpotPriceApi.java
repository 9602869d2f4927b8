package io.tierlens.cost.client;

import io.tierlens.cost.model.SpotPrice;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** EC2 spot price history of the cluster's region. Implementations follow pagination. */
public interface SpotPriceApi {

    /**
     * DescribeSpotPriceHistory for Linux/UNIX in every zone, from {@code start} on (the answer includes the price
     * in effect at {@code start}).
     */
    List<SpotPrice> spotPriceHistory(Collection<String> instanceTypes, Instant start);
}
