package io.tierlens.dr.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny authoritative DNS responder on a free port of 127.0.0.1 (UDP, and TCP on the same port number), for
 * tests: A answers and CNAME chains from maps the test changes at will, NXDOMAIN for unknown names, silence for
 * names listed as silent, UDP answers truncated (TC set, no records) for names listed as truncated, and
 * optionally stray replies with a wrong id before the real one.
 */
public final class LocalDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final ServerSocket tcp;
    private final Thread thread;
    private final Thread tcpThread;
    private final Map<String, List<String>> addresses = new ConcurrentHashMap<>();
    private final Map<String, String> cnames = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Set<String> truncated = ConcurrentHashMap.newKeySet();
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private final AtomicInteger strayReplies = new AtomicInteger();

    public LocalDnsServer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        tcp = new ServerSocket();
        tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()));
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
        tcpThread = new Thread(this::serveTcp, "test-dns-tcp");
        tcpThread.setDaemon(true);
        tcpThread.start();
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

    /** Over UDP, {@code name} gets a truncated answer: TC set and no records, as when it did not fit. */
    public LocalDnsServer truncate(String name) {
        truncated.add(name);
        return this;
    }

    /** The next {@code count} UDP replies are each preceded by a copy with a wrong id. */
    public void strayReplies(int count) {
        strayReplies.set(count);
    }

    /** Queries received over UDP. */
    public int queries() {
        return queries.get();
    }

    /** Queries received over TCP. */
    public int tcpQueries() {
        return tcpQueries.get();
    }

    private void serve() {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                queries.incrementAndGet();
                byte[] reply = reply(buf, p.getLength(), true);
                if (reply == null) {
                    continue;
                }
                if (strayReplies.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
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

    /** DNS over TCP: each message with a two-byte length in front, several per connection. */
    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket c = tcp.accept()) {
                DataInputStream in = new DataInputStream(c.getInputStream());
                DataOutputStream out = new DataOutputStream(c.getOutputStream());
                while (true) {
                    byte[] q = new byte[in.readUnsignedShort()];
                    in.readFully(q);
                    tcpQueries.incrementAndGet();
                    byte[] reply = reply(q, q.length, false);
                    if (reply != null) {
                        out.writeShort(reply.length);
                        out.write(reply);
                        out.flush();
                    }
                }
            } catch (EOFException e) {
                // the client closed the connection
            } catch (IOException e) {
                if (!tcp.isClosed()) {
                    System.err.println("test DNS server (tcp): " + e);
                }
            }
        }
    }

    private byte[] reply(byte[] q, int len, boolean udp) throws IOException {
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
        boolean truncate = udp && truncated.contains(qname);
        if (truncate) {
            answers.reset();
            count = 0;
        }
        out.write(q[0]);
        out.write(q[1]);
        out.write(truncate ? 0x83 : 0x81); // QR, (TC,) RD
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
            tcp.close();
        } catch (IOException e) {
            System.err.println("test DNS server: closing tcp: " + e);
        }
        try {
            thread.join(2000);
            tcpThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
