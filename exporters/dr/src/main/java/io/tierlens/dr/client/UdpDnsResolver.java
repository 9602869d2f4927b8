package io.tierlens.dr.client;

import io.tierlens.dr.model.DnsAnswer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * A minimal stub resolver over UDP: one recursive query to the configured server per attempt, with a random id
 * and a check that the reply comes from that server and answers that id (a stray or spoofed datagram is
 * ignored, not believed). Truncated answers are used as they are: for failover detection one address suffices.
 */
public final class UdpDnsResolver implements DnsResolver {
    private static final int MAX_RESPONSE = 4096;

    private final InetSocketAddress server;
    private final Duration timeout;
    private final int attempts;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param timeout limit for one attempt
     * @param attempts attempts before giving up (UDP datagrams get lost)
     */
    public UdpDnsResolver(InetSocketAddress server, Duration timeout, int attempts) {
        this.server = server;
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
    }

    public InetSocketAddress server() {
        return server;
    }

    @Override
    public DnsAnswer resolve(String name, DnsType type) throws IOException {
        SocketTimeoutException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                return once(name, type);
            } catch (SocketTimeoutException e) {
                last = e;
            }
        }
        SocketTimeoutException e = new SocketTimeoutException("no DNS answer from " + server + " for " + name
                + " after " + attempts + " attempt(s) of " + timeout.toMillis() + " ms");
        e.initCause(last);
        throw e;
    }

    private DnsAnswer once(String name, DnsType type) throws IOException {
        int id = random.nextInt(0x10000);
        byte[] query = DnsMessage.query(id, name, type);
        try (DatagramSocket socket = new DatagramSocket()) {
            // connect() makes the socket drop datagrams from any other address
            socket.connect(server);
            socket.send(new DatagramPacket(query, query.length));
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buf = new byte[MAX_RESPONSE];
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("DNS query timed out");
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                DatagramPacket reply = new DatagramPacket(buf, buf.length);
                socket.receive(reply);
                if (DnsMessage.id(buf, reply.getLength()) == id) {
                    return DnsMessage.parse(buf, reply.getLength(), id);
                }
                // an answer to an earlier, timed-out query: keep waiting for ours
            }
        }
    }
}
