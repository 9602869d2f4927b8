package io.tierlens.dr.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny authoritative DNS responder on a free UDP port of 127.0.0.1, for tests: A answers and CNAME chains from
 * maps the test changes at will, NXDOMAIN for unknown names, silence for names listed as silent, and optionally a
 * stray reply with a wrong id before the real one.
 */
public final class LocalDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<String, List<String>> addresses = new ConcurrentHashMap<>();
    private final Map<String, String> cnames = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile boolean strayReplyFirst;

    public LocalDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    public LocalDnsServer answer(String name, String... ips) {
        addresses.put(name, List.of(ips));
        return this;
    }

    public LocalDnsServer alias(String name, String target) {
        cnames.put(name, target);
        return this;
    }

    public LocalDnsServer silence(String name) {
        silent.add(name);
        return this;
    }

    public void strayReplyFirst(boolean on) {
        strayReplyFirst = on;
    }

    public int queries() {
        return queries.get();
    }

    private void serve() {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                queries.incrementAndGet();
                byte[] reply = reply(buf, p.getLength());
                if (reply == null) {
                    continue;
                }
                if (strayReplyFirst) {
                    byte[] stray = reply.clone();
                    stray[0] ^= 0x5A;
                    socket.send(new DatagramPacket(stray, stray.length, p.getSocketAddress()));
                }
                socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    System.err.println("test DNS server: " + e);
                }
            }
        }
    }

    private byte[] reply(byte[] q, int len) throws IOException {
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (q[pos] != 0) {
            int l = q[pos];
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(q, pos + 1, l, StandardCharsets.US_ASCII));
            pos += 1 + l;
        }
        int questionEnd = pos + 5; // zero byte, QTYPE, QCLASS
        String qname = name.toString().toLowerCase(Locale.ROOT);
        if (silent.contains(qname)) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        int count = 0;
        String current = qname;
        boolean first = true;
        while (cnames.containsKey(current)) {
            String target = cnames.get(current);
            record(answers, first ? null : current, 5, encode(target));
            first = false;
            current = target;
            count++;
        }
        for (String ip : addresses.getOrDefault(current, List.of())) {
            record(answers, first ? null : current, 1, InetAddress.getByName(ip).getAddress());
            count++;
        }
        boolean known = count > 0;
        out.write(q[0]);
        out.write(q[1]);
        out.write(0x81); // QR, RD
        out.write(known ? 0x80 : 0x83); // RA, rcode 0 or 3 (NXDOMAIN)
        out.write(new byte[] {0, 1, 0, (byte) count, 0, 0, 0, 0});
        out.write(q, 12, questionEnd - 12);
        out.write(answers.toByteArray());
        return out.toByteArray();
    }

    /** One answer record; a null owner name is written as a pointer to the question's name. */
    private static void record(ByteArrayOutputStream out, String owner, int type, byte[] rdata) throws IOException {
        if (owner == null) {
            out.write(new byte[] {(byte) 0xC0, 12});
        } else {
            out.write(encode(owner));
        }
        out.write(new byte[] {0, (byte) type, 0, 1, 0, 0, 0, 60, (byte) (rdata.length >> 8), (byte) rdata.length});
        out.write(rdata);
    }

    private static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            byte[] b = label.getBytes(StandardCharsets.US_ASCII);
            out.write(b.length);
            out.write(b, 0, b.length);
        }
        out.write(0);
        return out.toByteArray();
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
