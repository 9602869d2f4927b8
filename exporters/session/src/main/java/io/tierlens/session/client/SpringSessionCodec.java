package io.tierlens.session.client;

import io.tierlens.session.model.SessionTimes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decodes the values Spring Session writes with the serializers people use:
 *
 * <ul>
 *   <li>{@code JdkSerializationRedisSerializer} (the default): a serialized {@code java.lang.Long} (times),
 *       {@code java.lang.Integer} (max inactive interval) or {@code java.lang.String} (set members);
 *   <li>JSON serializers ({@code GenericJackson2JsonRedisSerializer}): {@code 1404360000000},
 *       {@code ["java.lang.Long",1404360000000]}, {@code "expires:abc"};
 *   <li>string serializers: {@code 1404360000000}, {@code expires:abc}.
 * </ul>
 *
 * JDK-serialized data is read with a filter that admits only those three classes and a few hundred bytes, so a
 * hostile value in Redis cannot make us instantiate anything else.
 */
public final class SpringSessionCodec {
    private static final ObjectInputFilter ONLY_BOXED_NUMBERS_AND_STRINGS = ObjectInputFilter.Config.createFilter(
            "maxbytes=1024;maxdepth=4;maxrefs=16;java.lang.Long;java.lang.Integer;java.lang.Number;!*");

    private SpringSessionCodec() {}

    /** A whole number in any of the supported encodings. */
    public static OptionalLong decodeNumber(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return OptionalLong.empty();
        }
        if (isJdkSerialized(raw)) {
            Object o = readJdk(raw);
            if (o instanceof Long l) {
                return OptionalLong.of(l);
            }
            if (o instanceof Integer i) {
                return OptionalLong.of(i);
            }
            return OptionalLong.empty();
        }
        String s = new String(raw, StandardCharsets.UTF_8).trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            // Jackson default typing: ["java.lang.Long", 1404360000000]
            int comma = s.lastIndexOf(',');
            if (comma < 0) {
                return OptionalLong.empty();
            }
            s = s.substring(comma + 1, s.length() - 1).trim();
        }
        s = unquote(s);
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A string (a set member such as {@code expires:<id>} or a session id) in any supported encoding. */
    public static Optional<String> decodeString(byte[] raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (isJdkSerialized(raw)) {
            return readJdk(raw) instanceof String s ? Optional.of(s) : Optional.empty();
        }
        String s = new String(raw, StandardCharsets.UTF_8);
        return Optional.of(unquote(s.trim()));
    }

    /** The three fields as times, or empty if any is missing or in an unknown encoding. */
    public static Optional<SessionTimes> decodeTimes(RawSessionFields f) {
        OptionalLong created =
                f.creationTime().map(SpringSessionCodec::decodeNumber).orElse(OptionalLong.empty());
        OptionalLong last =
                f.lastAccessedTime().map(SpringSessionCodec::decodeNumber).orElse(OptionalLong.empty());
        OptionalLong maxInactive =
                f.maxInactiveInterval().map(SpringSessionCodec::decodeNumber).orElse(OptionalLong.empty());
        if (created.isEmpty() || last.isEmpty() || maxInactive.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SessionTimes(
                Instant.ofEpochMilli(created.getAsLong()),
                Instant.ofEpochMilli(last.getAsLong()),
                Duration.ofSeconds(maxInactive.getAsLong())));
    }

    static boolean isJdkSerialized(byte[] raw) {
        // ObjectOutputStream's STREAM_MAGIC 0xACED followed by STREAM_VERSION 5.
        return raw.length > 4 && (raw[0] & 0xff) == 0xac && (raw[1] & 0xff) == 0xed && raw[2] == 0 && raw[3] == 5;
    }

    private static Object readJdk(byte[] raw) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            in.setObjectInputFilter(ONLY_BOXED_NUMBERS_AND_STRINGS);
            return in.readObject();
        } catch (InvalidClassException e) {
            // rejected by the filter: some other class was stored in a field we expected a number in
            return null;
        } catch (IOException | ClassNotFoundException e) {
            return null;
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }
}
