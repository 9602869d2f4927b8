package io.tierlens.cost.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.cost.model.StaticPrices;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaticPriceTableTest {

    @Test
    void theBundledTableCoversTheCommonTypesAndSaysHowOldItIs() {
        StaticPrices p = StaticPriceTable.bundled();

        assertThat(p.asOf()).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
        assertThat(p.ec2()).hasSizeGreaterThanOrEqualTo(30).containsEntry("m6i.large", 0.096);
        assertThat(p.rds()).hasSizeGreaterThanOrEqualTo(10).containsKey("db.r6g.large");
        assertThat(p.ec2().values()).allSatisfy(v -> assertThat(v).isBetween(0.001, 10.0));
    }

    @Test
    void aMalformedLineIsAnError() {
        String text = "as_of,2025-11-01\nec2,m6i.large\n";
        assertThatThrownBy(
                        () -> StaticPriceTable.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 2");
    }

    @Test
    void aTableWithoutDateIsAnError() {
        String text = "# no date\nec2,m6i.large,0.096\n";
        assertThatThrownBy(
                        () -> StaticPriceTable.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("as_of");
    }
}
