package io.tierlens.cost.client;

import io.tierlens.cost.model.SpotPrice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSpotPriceHistoryRequest;

/** {@link SpotPriceApi} over the SDK, for the client's region. */
public final class SdkSpotPriceApi implements SpotPriceApi, AutoCloseable {
    static final String LINUX = "Linux/UNIX";

    private final Ec2Client client;

    public SdkSpotPriceApi(Ec2Client client) {
        this.client = client;
    }

    @Override
    public List<SpotPrice> spotPriceHistory(Collection<String> instanceTypes, Instant start) {
        List<SpotPrice> out = new ArrayList<>();
        client.describeSpotPriceHistoryPaginator(DescribeSpotPriceHistoryRequest.builder()
                        .instanceTypesWithStrings(instanceTypes)
                        .productDescriptions(LINUX)
                        .startTime(start)
                        .maxResults(1000)
                        .build())
                .spotPriceHistory()
                .forEach(p -> out.add(new SpotPrice(
                        p.instanceTypeAsString(),
                        p.availabilityZone(),
                        Double.parseDouble(p.spotPrice()),
                        p.timestamp())));
        return out;
    }

    @Override
    public void close() {
        client.close();
    }
}
