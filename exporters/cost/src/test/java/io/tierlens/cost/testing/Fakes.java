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
