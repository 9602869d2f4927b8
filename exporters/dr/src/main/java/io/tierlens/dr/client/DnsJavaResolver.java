package io.tierlens.dr.client;

import io.tierlens.dr.model.DnsAnswer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * {@link DnsResolver} over dnsjava's {@link SimpleResolver}: one recursive query to the configured server per
 * attempt. dnsjava picks a random id and source port, accepts only a reply that answers that id and question
 * (anything else fails the attempt, it is never believed), and asks again over TCP when the UDP answer comes back
 * truncated, so a record set too large for a datagram is still read whole.
 */
public final class DnsJavaResolver implements DnsResolver {
    private final InetSocketAddress server;
    private final Duration timeout;
    private final int attempts;
    private final SimpleResolver resolver;

    /**
     * @param timeout limit for one attempt (UDP and, after truncation, its TCP retry)
     * @param attempts attempts before giving up (UDP datagrams get lost)
     */
    public DnsJavaResolver(InetSocketAddress server, Duration timeout, int attempts) {
        this.server = server;
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
    }

    public InetSocketAddress server() {
        return server;
    }

    @Override
    public DnsAnswer resolve(String name, DnsType type) throws IOException {
        Message query = Message.newQuery(Record.newRecord(absolute(name), type.code(), DClass.IN));
        IOException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                return answer(resolver.send(query));
            } catch (IOException e) {
                // a lost datagram, or a reply we refused (wrong id or question): ask again
                last = e;
            }
        }
        if (timedOut(last)) {
            SocketTimeoutException e = new SocketTimeoutException("no DNS answer from " + server + " for " + name
                    + " after " + attempts + " attempt(s) of " + timeout.toMillis() + " ms");
            e.initCause(last);
            throw e;
        }
        throw new IOException(
                "DNS query to " + server + " for " + name + " failed after " + attempts + " attempt(s): "
                        + last.getMessage(),
                last);
    }

    static DnsAnswer answer(Message response) {
        List<String> addresses = new ArrayList<>();
        List<String> canonicalNames = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r instanceof ARecord a) {
                addresses.add(a.getAddress().getHostAddress());
            } else if (r instanceof AAAARecord a) {
                addresses.add(a.getAddress().getHostAddress());
            } else if (r instanceof CNAMERecord c) {
                canonicalNames.add(c.getTarget().toString(true).toLowerCase(Locale.ROOT));
            }
        }
        return new DnsAnswer(
                response.getRcode(),
                addresses,
                canonicalNames,
                response.getHeader().getFlag(Flags.TC));
    }

    private static Name absolute(String name) throws IOException {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IOException("not a DNS name: " + name + " (" + e.getMessage() + ")", e);
        }
    }

    /** dnsjava reports a timeout as a {@link SocketTimeoutException} or as an IOException naming it. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")) {
                return true;
            }
        }
        return false;
    }
}
