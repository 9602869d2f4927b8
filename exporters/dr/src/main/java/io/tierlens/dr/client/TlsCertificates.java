package io.tierlens.dr.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Reads the certificate chain a server presents, whatever it is: a self-signed or expired certificate is exactly
 * what an expiry probe must be able to report. The handshake here accepts any certificate because it decides
 * nothing; whether the endpoint is trusted is the HTTP probe's business.
 */
public final class TlsCertificates {
    private TlsCertificates() {}

    /**
     * The earliest {@code notAfter} of the chain presented by {@code host:port}.
     *
     * @param serverName the name sent as SNI (the URL's host), so virtual hosts present the right certificate
     * @throws IOException when no TLS handshake could be completed within {@code timeout}
     */
    public static Optional<Instant> earliestExpiry(String host, int port, String serverName, Duration timeout)
            throws IOException {
        int ms = (int) Math.max(1, timeout.toMillis());
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), ms);
            raw.setSoTimeout(ms);
            try (SSLSocket tls = (SSLSocket) acceptAll().getSocketFactory().createSocket(raw, serverName, port, true)) {
                if (isHostName(serverName)) {
                    SSLParameters params = tls.getSSLParameters();
                    params.setServerNames(List.of(new SNIHostName(serverName)));
                    tls.setSSLParameters(params);
                }
                tls.startHandshake();
                Instant earliest = null;
                for (Certificate c : tls.getSession().getPeerCertificates()) {
                    if (c instanceof X509Certificate x) {
                        Instant notAfter = x.getNotAfter().toInstant();
                        earliest = earliest == null || notAfter.isBefore(earliest) ? notAfter : earliest;
                    }
                }
                return Optional.ofNullable(earliest);
            }
        }
    }

    /** A TLS context that completes handshakes with any server: for reading certificates, and for insecure probes. */
    static SSLContext acceptAll() throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AcceptAll()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS implementation available", e);
        }
    }

    private static boolean isHostName(String name) {
        // SNI carries host names only, never IP literals
        return !name.isEmpty() && !name.contains(":") && !name.matches("[0-9.]+");
    }

    /**
     * Trusts every chain and checks no host name. An {@link X509ExtendedTrustManager} is used as is by JSSE (a
     * plain X509TrustManager would be wrapped with host name checks), which is what "insecure" needs.
     */
    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
