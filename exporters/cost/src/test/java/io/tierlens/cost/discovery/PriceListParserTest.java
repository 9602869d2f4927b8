package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.cost.testing.Fakes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceListParserTest {
    private static final Map<String, String> LINUX = Map.of(
            "instanceType", "m6i.large", "operatingSystem", "Linux", "tenancy", "Shared", "capacitystatus", "Used");

    @Test
    void readsTheHourlyOnDemandPrice() {
        String doc = Fakes.ec2Document("ap-northeast-2", "m6i.large", "0.1180000000");
        assertThat(PriceListParser.hourlyOnDemand(List.of(doc), LINUX)).hasValue(0.118);
    }

    @Test
    void skipsProductsWhoseAttributesDoNotMatch() {
        String windows = Fakes.ec2Document("ap-northeast-2", "m6i.large", "0.2100000000")
                .replace("\"operatingSystem\":\"Linux\"", "\"operatingSystem\":\"Windows\"");
        String linux = Fakes.ec2Document("ap-northeast-2", "m6i.large", "0.1180000000");
        assertThat(PriceListParser.hourlyOnDemand(List.of(windows, linux), LINUX))
                .hasValue(0.118);
        assertThat(PriceListParser.hourlyOnDemand(List.of(windows), LINUX)).isEmpty();
    }

    @Test
    void ignoresZeroPricesOtherUnitsAndJunk() {
        String zero = Fakes.ec2Document("ap-northeast-2", "m6i.large", "0.0000000000");
        String perGb =
                Fakes.ec2Document("ap-northeast-2", "m6i.large", "0.0500000000").replace("\"Hrs\"", "\"GB-Mo\"");
        assertThat(PriceListParser.hourlyOnDemand(List.of(zero, perGb, "{not json"), LINUX))
                .isEmpty();
    }
}
