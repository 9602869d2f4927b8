package io.tierlens.cost.client;

import io.tierlens.core.aws.query.AwsQueryClient;
import io.tierlens.core.aws.query.MalformedResponseException;
import io.tierlens.core.aws.query.QueryService;
import io.tierlens.core.aws.query.XmlElement;
import io.tierlens.cost.model.SpotPrice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SpotPriceApi} over core's Query-protocol client (EC2 API 2016-11-15), for the client's region. */
public final class QuerySpotPriceApi implements SpotPriceApi, AutoCloseable {
    static final String LINUX = "Linux/UNIX";

    private final AwsQueryClient client;

    public QuerySpotPriceApi(AwsQueryClient client) {
        if (client.service() != QueryService.EC2) {
            throw new IllegalArgumentException(
                    "an EC2 client is needed, not " + client.service().label());
        }
        this.client = client;
    }

    @Override
    public List<SpotPrice> spotPriceHistory(Collection<String> instanceTypes, Instant start) {
        Map<String, String> request = new LinkedHashMap<>();
        int n = 1;
        for (String type : instanceTypes) {
            request.put("InstanceType." + n++, type);
        }
        request.put("ProductDescription.1", LINUX);
        request.put("StartTime", start.toString());
        request.put("MaxResults", "1000");
        List<SpotPrice> out = new ArrayList<>();
        client.pages("DescribeSpotPriceHistory", request, page -> {
            for (XmlElement p : page.list("spotPriceHistorySet")) {
                out.add(new SpotPrice(
                        p.string("instanceType"),
                        p.string("availabilityZone"),
                        price(p),
                        p.instant("timestamp")
                                .orElseThrow(
                                        () -> new MalformedResponseException("a spot price without <timestamp>"))));
            }
        });
        return out;
    }

    private static double price(XmlElement p) {
        try {
            return Double.parseDouble(p.string("spotPrice").trim());
        } catch (NumberFormatException e) {
            throw new MalformedResponseException("<spotPrice> is not a number", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
