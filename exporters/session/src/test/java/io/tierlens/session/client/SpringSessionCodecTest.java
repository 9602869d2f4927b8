package io.tierlens.session.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.session.model.SessionTimes;
import io.tierlens.session.testing.SpringSessionWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpringSessionCodecTest {

    @Test
    void decodesJdkSerializedLongAndInteger() {
        assertThat(SpringSessionCodec.decodeNumber(SpringSessionWriter.jdk(1404360000000L)))
                .hasValue(1404360000000L);
        assertThat(SpringSessionCodec.decodeNumber(SpringSessionWriter.jdk(1800)))
                .hasValue(1800);
        assertThat(SpringSessionCodec.decodeNumber(SpringSessionWriter.jdk(-1))).hasValue(-1);
    }

    @Test
    void decodesPlainAndJsonNumbers() {
        assertThat(SpringSessionCodec.decodeNumber(utf8("1404360000000"))).hasValue(1404360000000L);
        assertThat(SpringSessionCodec.decodeNumber(utf8("[\"java.lang.Long\",1404360000000]")))
                .hasValue(1404360000000L);
        assertThat(SpringSessionCodec.decodeNumber(utf8("\"1800\""))).hasValue(1800);
        assertThat(SpringSessionCodec.decodeNumber(utf8("not a number"))).isEmpty();
        assertThat(SpringSessionCodec.decodeNumber(new byte[0])).isEmpty();
    }

    @Test
    void decodesStringsInEveryEncoding() {
        assertThat(SpringSessionCodec.decodeString(SpringSessionWriter.jdk("expires:33fd")))
                .contains("expires:33fd");
        assertThat(SpringSessionCodec.decodeString(utf8("\"expires:33fd\""))).contains("expires:33fd");
        assertThat(SpringSessionCodec.decodeString(utf8("expires:33fd"))).contains("expires:33fd");
    }

    @Test
    void refusesOtherSerializedClasses() {
        // a Date or a map where a number belongs must not be instantiated, let alone trusted
        assertThat(SpringSessionCodec.decodeNumber(SpringSessionWriter.jdk(new Date(5))))
                .isEmpty();
        assertThat(SpringSessionCodec.decodeNumber(SpringSessionWriter.jdk(new HashMap<String, String>())))
                .isEmpty();
        assertThat(SpringSessionCodec.decodeString(SpringSessionWriter.jdk(new Date(5))))
                .isEmpty();
    }

    @Test
    void decodesTheThreeFieldsIntoTimes() {
        RawSessionFields f = new RawSessionFields(
                Optional.of(SpringSessionWriter.jdk(1_000_000L)),
                Optional.of(SpringSessionWriter.jdk(2_000_000L)),
                Optional.of(SpringSessionWriter.jdk(600)));
        assertThat(SpringSessionCodec.decodeTimes(f))
                .contains(new SessionTimes(
                        Instant.ofEpochMilli(1_000_000L), Instant.ofEpochMilli(2_000_000L), Duration.ofMinutes(10)));
        RawSessionFields partial =
                new RawSessionFields(Optional.of(SpringSessionWriter.jdk(1L)), Optional.empty(), Optional.empty());
        assertThat(SpringSessionCodec.decodeTimes(partial)).isEmpty();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
