package io.tierlens.dr.client;

import io.tierlens.dr.model.DnsAnswer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.IDN;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DNS wire format (RFC 1035), as much as a stub resolver needs: a recursive query for one name, and the
 * answer section of the response (A, AAAA and CNAME records, with name compression). Every read is bounds
 * checked, so a malformed or hostile response is an {@link IOException}, never an exception of another kind.
 */
public final class DnsMessage {
    private static final int HEADER = 12;
    private static final int FLAG_QR = 0x8000;
    private static final int FLAG_TC = 0x0200;
    private static final int FLAG_RD = 0x0100;
    private static final int CLASS_IN = 1;
    private static final int MAX_POINTER_JUMPS = 16;

    private DnsMessage() {}

    /** A query with recursion desired for {@code name}, type {@code type}, class IN. */
    public static byte[] query(int id, String name, DnsType type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        short16(out, id);
        short16(out, FLAG_RD);
        short16(out, 1); // QDCOUNT
        short16(out, 0);
        short16(out, 0);
        short16(out, 0);
        String ascii;
        try {
            ascii = IDN.toASCII(name.endsWith(".") ? name.substring(0, name.length() - 1) : name)
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a DNS name: \"" + name + "\"", e);
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw new IOException("not a DNS name: \"" + name + "\"");
        }
        for (String label : ascii.split("\\.", -1)) {
            byte[] b = label.getBytes(StandardCharsets.US_ASCII);
            if (b.length == 0 || b.length > 63) {
                throw new IOException("not a DNS name (empty or long label): \"" + name + "\"");
            }
            out.write(b.length);
            out.write(b, 0, b.length);
        }
        out.write(0);
        short16(out, type.code());
        short16(out, CLASS_IN);
        return out.toByteArray();
    }

    /** The id of a message (its first two bytes), or -1 if it is too short to have one. */
    public static int id(byte[] msg, int length) {
        return length < 2 ? -1 : u16(msg, 0);
    }

    /**
     * Reads the answer section of a response to the query with {@code expectedId}.
     *
     * @throws IOException when the message is not such a response or is malformed
     */
    public static DnsAnswer parse(byte[] msg, int length, int expectedId) throws IOException {
        if (length < HEADER || length > msg.length) {
            throw new IOException("DNS response shorter than its header");
        }
        Reader r = new Reader(msg, length, length, 0);
        int id = r.u16();
        int flags = r.u16();
        if (id != expectedId || (flags & FLAG_QR) == 0) {
            throw new IOException("not the response to our DNS query");
        }
        int questions = r.u16();
        int answers = r.u16();
        r.u16(); // NSCOUNT
        r.u16(); // ARCOUNT
        for (int i = 0; i < questions; i++) {
            r.name();
            r.skip(4);
        }
        List<String> addresses = new ArrayList<>();
        List<String> cnames = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            r.name();
            int type = r.u16();
            int clazz = r.u16();
            r.skip(4); // TTL
            int rdLength = r.u16();
            int rdStart = r.pos;
            r.require(rdLength);
            if (clazz == CLASS_IN) {
                if (type == DnsType.A.code() && rdLength == 4 || type == DnsType.AAAA.code() && rdLength == 16) {
                    byte[] raw = new byte[rdLength];
                    System.arraycopy(msg, rdStart, raw, 0, rdLength);
                    addresses.add(InetAddress.getByAddress(raw).getHostAddress());
                } else if (type == DnsType.CNAME.code()) {
                    cnames.add(new Reader(msg, length, rdStart + rdLength, rdStart).name());
                }
            }
            r.pos = rdStart + rdLength;
        }
        return new DnsAnswer(flags & 0xF, addresses, cnames, (flags & FLAG_TC) != 0);
    }

    private static void short16(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    /**
     * A cursor over a message that refuses to read past {@code limit} (the message, or one record's data);
     * compression pointers may point anywhere before {@code messageEnd}.
     */
    private static final class Reader {
        private final byte[] msg;
        private final int messageEnd;
        private final int limit;
        int pos;

        Reader(byte[] msg, int messageEnd, int limit, int pos) {
            this.msg = msg;
            this.messageEnd = messageEnd;
            this.limit = Math.min(limit, messageEnd);
            this.pos = pos;
        }

        void require(int n) throws IOException {
            if (n < 0 || pos + n > limit) {
                throw new IOException("DNS response truncated or malformed at byte " + pos);
            }
        }

        int u16() throws IOException {
            require(2);
            int v = DnsMessage.u16(msg, pos);
            pos += 2;
            return v;
        }

        void skip(int n) throws IOException {
            require(n);
            pos += n;
        }

        /** A possibly compressed name, lower case, without the trailing dot; the cursor moves past it. */
        String name() throws IOException {
            StringBuilder sb = new StringBuilder();
            int at = pos;
            int jumps = 0;
            int resumeAt = -1;
            while (true) {
                if (at >= messageEnd) {
                    throw new IOException("DNS name runs past the end of the response");
                }
                int len = msg[at] & 0xFF;
                if ((len & 0xC0) == 0xC0) {
                    if (at + 1 >= messageEnd || ++jumps > MAX_POINTER_JUMPS) {
                        throw new IOException("DNS name compression loop or truncated pointer");
                    }
                    if (resumeAt < 0) {
                        resumeAt = at + 2;
                    }
                    at = ((len & 0x3F) << 8) | (msg[at + 1] & 0xFF);
                    continue;
                }
                if ((len & 0xC0) != 0) {
                    throw new IOException("DNS name uses an unsupported label type");
                }
                if (len == 0) {
                    at++;
                    break;
                }
                if (at + 1 + len > messageEnd) {
                    throw new IOException("DNS label runs past the end of the response");
                }
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(new String(msg, at + 1, len, StandardCharsets.US_ASCII));
                if (sb.length() > 255) {
                    throw new IOException("DNS name longer than 255 characters");
                }
                at += 1 + len;
            }
            pos = resumeAt >= 0 ? resumeAt : at;
            if (pos > limit) {
                throw new IOException("DNS name runs past its record");
            }
            return sb.toString().toLowerCase(Locale.ROOT);
        }
    }
}
