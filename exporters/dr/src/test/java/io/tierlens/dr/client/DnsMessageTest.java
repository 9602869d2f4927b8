package io.tierlens.dr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tierlens.dr.model.DnsAnswer;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DnsMessageTest {

    @Test
    void encodesARecursiveQuery() throws Exception {
        byte[] q = DnsMessage.query(0x1234, "Shop.Example.com.", DnsType.A);

        assertThat(HexFormat.of().formatHex(q))
                .isEqualTo("123401000001000000000000" + "0473686f70076578616d706c6503636f6d00" + "00010001");
    }

    @Test
    void refusesNamesThatAreNotDnsNames() {
        assertThatThrownBy(() -> DnsMessage.query(1, "a..b", DnsType.A)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> DnsMessage.query(1, "x".repeat(64) + ".com", DnsType.A))
                .isInstanceOf(IOException.class);
    }

    @Test
    void readsACnameChainAndAddresses() throws Exception {
        // question: shop.example.com A IN (offset 12)
        String question = "0473686f70076578616d706c6503636f6d00" + "00010001";
        // answer 1: owner = pointer to 12, CNAME, rdata = "lb" + pointer to "example.com" at offset 17
        String cname = "c00c" + "0005" + "0001" + "00000e10" + "0005" + "026c62" + "c011";
        // answer 2: owner = pointer to the CNAME target (offset of rdata of answer 1), A 192.0.2.7
        int rdataOffset = 12 + question.length() / 2 + 12;
        String a = String.format("c0%02x", rdataOffset) + "0001" + "0001" + "0000003c" + "0004" + "c0000207";
        byte[] msg =
                HexFormat.of().parseHex("beef" + "8180" + "0001" + "0002" + "0000" + "0000" + question + cname + a);

        DnsAnswer answer = DnsMessage.parse(msg, msg.length, 0xbeef);

        assertThat(answer.rcode()).isZero();
        assertThat(answer.canonicalNames()).containsExactly("lb.example.com");
        assertThat(answer.addresses()).containsExactly("192.0.2.7");
        assertThat(answer.resolved()).isTrue();
        assertThat(answer.truncated()).isFalse();
    }

    @Test
    void readsNxdomainAndTruncation() throws Exception {
        byte[] msg = HexFormat.of().parseHex("0001" + "8383" + "0000" + "0000" + "0000" + "0000");

        DnsAnswer answer = DnsMessage.parse(msg, msg.length, 1);

        assertThat(answer.rcode()).isEqualTo(DnsAnswer.NXDOMAIN);
        assertThat(answer.resolved()).isFalse();
        assertThat(answer.truncated()).isTrue();
    }

    @Test
    void readsAaaa() throws Exception {
        String question = "0178" + "00" + "001c0001";
        String aaaa = "c00c" + "001c" + "0001" + "0000003c" + "0010" + "20010db8000000000000000000000001";
        byte[] msg = HexFormat.of().parseHex("0002" + "8180" + "0001" + "0001" + "00000000" + question + aaaa);

        assertThat(DnsMessage.parse(msg, msg.length, 2).addresses()).containsExactly("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void malformedResponsesAreIoErrors() {
        byte[] shortMsg = HexFormat.of().parseHex("00018180");
        assertThatThrownBy(() -> DnsMessage.parse(shortMsg, shortMsg.length, 1)).isInstanceOf(IOException.class);

        byte[] notAResponse = HexFormat.of().parseHex("0001" + "0100" + "0000" + "0000" + "0000" + "0000");
        assertThatThrownBy(() -> DnsMessage.parse(notAResponse, notAResponse.length, 1))
                .hasMessageContaining("not the response");

        byte[] wrongId = HexFormat.of().parseHex("0002" + "8180" + "0000" + "0000" + "0000" + "0000");
        assertThatThrownBy(() -> DnsMessage.parse(wrongId, wrongId.length, 1)).isInstanceOf(IOException.class);

        // one answer announced, its rdata runs past the end
        byte[] truncated = HexFormat.of()
                .parseHex("0001" + "8180" + "0000" + "0001" + "0000" + "0000" + "00" + "0001" + "0001" + "0000003c"
                        + "0004" + "c000");
        assertThatThrownBy(() -> DnsMessage.parse(truncated, truncated.length, 1))
                .isInstanceOf(IOException.class);

        // a name whose compression pointer points at itself
        byte[] loop =
                HexFormat.of().parseHex("0001" + "8180" + "0001" + "0000" + "0000" + "0000" + "c00c" + "00010001");
        assertThatThrownBy(() -> DnsMessage.parse(loop, loop.length, 1)).hasMessageContaining("loop");
    }

    @Test
    void bytesBeyondTheReceivedLengthAreNotRead() {
        byte[] buf = new byte[512];
        byte[] header = HexFormat.of().parseHex("0001" + "8180" + "0000" + "0001" + "0000" + "0000");
        System.arraycopy(header, 0, buf, 0, header.length);
        // the announced answer would be in the (zeroed) rest of the buffer, past the datagram's length

        assertThatThrownBy(() -> DnsMessage.parse(buf, header.length, 1)).isInstanceOf(IOException.class);
    }
}
