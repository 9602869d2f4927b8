package io.tierlens.dr.client;

import io.tierlens.dr.model.DnsAnswer;
import java.io.IOException;

/**
 * Resolves a name by asking a DNS server directly, every time. The JVM's {@code InetAddress} cache would keep
 * showing the old site for its TTL (or forever, under a security manager) after a failover; this does not.
 */
public interface DnsResolver {

    /**
     * One query.
     *
     * @return the answer, also when it is an error like NXDOMAIN
     * @throws IOException when no answer came (timeout, unreachable server) or it could not be parsed
     */
    DnsAnswer resolve(String name, DnsType type) throws IOException;
}
