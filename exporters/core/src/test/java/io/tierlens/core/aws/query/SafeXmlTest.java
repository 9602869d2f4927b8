package io.tierlens.core.aws.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The parser every Query answer goes through: real shapes read, hostile ones refused quickly and plainly. */
class SafeXmlTest {

    private static XmlElement parse(String xml) {
        return SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsNamesWithoutNamespacesTextListsAndTypedValues() {
        XmlElement doc = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <DescribeThingsResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                  <DescribeThingsResult>
                    <Things>
                      <Thing><Name>a &amp; b</Name><Size>200</Size><MultiAZ>true</MultiAZ>
                        <Created>2026-11-20T18:04:31.112Z</Created></Thing>
                      <Thing><Name><![CDATA[<c>]]></Name></Thing>
                    </Things>
                  </DescribeThingsResult>
                </DescribeThingsResponse>""");

        assertThat(doc.name()).isEqualTo("DescribeThingsResponse");
        List<XmlElement> things =
                doc.child("DescribeThingsResult").orElseThrow().list("Things");
        assertThat(things).hasSize(2);
        assertThat(things.get(0).string("Name")).isEqualTo("a & b");
        assertThat(things.get(0).integer("Size")).contains(200);
        assertThat(things.get(0).bool("MultiAZ")).isTrue();
        assertThat(things.get(0).instant("Created")).contains(Instant.parse("2026-11-20T18:04:31.112Z"));
        assertThat(things.get(1).string("Name")).isEqualTo("<c>");
        assertThat(things.get(1).integer("Size")).isEmpty();
        assertThat(things.get(1).bool("MultiAZ")).isFalse();
        assertThat(doc.list("Missing")).isEmpty();
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsExpanded() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <r><v>&x;</v></r>""";

        assertThatThrownBy(() -> parse(xxe))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    @Timeout(10)
    void billionLaughsEndsAtOnce() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"");
            dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");

        assertThatThrownBy(() -> parse(dtd + "<r>&l12;</r>")).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void truncatedAndNonXmlAnswersAreMalformed() {
        assertThatThrownBy(() -> parse("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInst"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> parse("<html><body>502 Bad Gateway</body>"))
                .isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void absurdNestingIsRefused() {
        String deep = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);

        assertThatThrownBy(() -> parse(deep))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("deeper");
    }

    @Test
    void badValuesAreMalformedNotInternal() {
        XmlElement e = parse("<r><n>lots</n><t>yesterday</t></r>");

        assertThatThrownBy(() -> e.integer("n")).isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> e.instant("t")).isInstanceOf(MalformedResponseException.class);
    }
}
