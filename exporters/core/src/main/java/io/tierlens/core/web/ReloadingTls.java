package io.tierlens.core.web;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of {@code tls_server_config}. Certificate, key and client CA files are re-read when they change
 * (checked at most once a second, on handshakes), as exporter-toolkit does: cert-manager renews certificates in
 * place and the process must not need a restart. A file that fails to load keeps the previous material in force.
 */
public final class ReloadingTls {
    private static final Logger log = LoggerFactory.getLogger(ReloadingTls.class);
    private static final long CHECK_EVERY_MILLIS = 1000;

    /** What the files held at one moment. */
    private record Material(long generation, List<Object> stamp, TlsMaterial.ServerKey key, X509TrustManager cas) {}

    private final TlsServerConfig tls;
    private final Clock clock;
    private final SSLContext context;
    private volatile Material current;
    private volatile Material previous;
    private volatile long checkedAt;

    public ReloadingTls(TlsServerConfig tls, Clock clock) throws IOException, GeneralSecurityException {
        this.tls = tls;
        this.clock = clock;
        this.current = load(1, stamp());
        this.previous = current;
        this.checkedAt = clock.millis();
        this.context = SSLContext.getInstance("TLS");
        context.init(new TrustedKeys[] {new TrustedKeys()}, new TrustManager[] {new ClientCheck()}, null);
    }

    /** Applies {@code min_version}, {@code max_version}, {@code cipher_suites} and the client policy. */
    public HttpsConfigurator configurator() {
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = context.getDefaultSSLParameters();
                p.setProtocols(tls.protocols());
                if (!tls.cipherSuites().isEmpty()) {
                    p.setCipherSuites(tls.cipherSuites().toArray(String[]::new));
                }
                p.setUseCipherSuitesOrder(!Boolean.FALSE.equals(tls.preferServerCipherSuites()));
                TlsServerConfig.ClientAuth auth = tls.clientAuth();
                if (auth.required) {
                    p.setNeedClientAuth(true);
                } else if (auth.asked) {
                    p.setWantClientAuth(true);
                }
                params.setSSLParameters(p);
            }
        };
    }

    private Material material() {
        long now = clock.millis();
        if (now - checkedAt >= CHECK_EVERY_MILLIS) {
            checkedAt = now;
            List<Object> stamp = stamp();
            Material m = current;
            if (!stamp.equals(m.stamp())) {
                try {
                    Material next = load(m.generation() + 1, stamp);
                    previous = m;
                    current = next;
                    log.info("TLS certificate files changed; new certificate in use for new connections");
                } catch (IOException | GeneralSecurityException | RuntimeException e) {
                    log.warn(
                            "TLS certificate files changed but cannot be loaded; keeping the previous ones: {}",
                            e.getMessage());
                }
            }
        }
        return current;
    }

    private Material load(long generation, List<Object> stamp) throws IOException, GeneralSecurityException {
        TlsMaterial.ServerKey key = TlsMaterial.serverKey(tls);
        X509TrustManager cas = null;
        if (tls.clientCaFile() != null || tls.clientCa() != null) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : TlsMaterial.clientCas(tls)) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            cas = (X509TrustManager) tmf.getTrustManagers()[0];
        }
        return new Material(generation, stamp, key, cas);
    }

    /** Modification time and size of each file; a change in either means "read again". */
    private List<Object> stamp() {
        List<Object> out = new ArrayList<>();
        Stream.of(tls.certFile(), tls.keyFile(), tls.clientCaFile())
                .filter(Objects::nonNull)
                .forEach(f -> {
                    try {
                        Path p = Path.of(f);
                        out.add(Files.getLastModifiedTime(p).toMillis());
                        out.add(Files.size(p));
                    } catch (IOException e) {
                        out.add("missing");
                    }
                });
        return out;
    }

    /** Offers the current key; the alias names its generation so one handshake never mixes two files' contents. */
    private final class TrustedKeys extends X509ExtendedKeyManager {
        private Material byAlias(String alias) {
            Material c = current;
            if (alias != null && alias.equals("tierlens-" + c.generation())) {
                return c;
            }
            Material p = previous;
            return alias != null && alias.equals("tierlens-" + p.generation()) ? p : null;
        }

        private String alias(String keyType) {
            Material m = material();
            String algorithm = m.key().key().getAlgorithm();
            boolean fits = keyType == null
                    || keyType.equalsIgnoreCase(algorithm)
                    || (keyType.equals("RSASSA-PSS") && algorithm.equals("RSA"))
                    || (keyType.equals("EdDSA") && algorithm.startsWith("Ed"));
            return fits ? "tierlens-" + m.generation() : null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return alias(keyType);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return alias(keyType);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            String a = alias(keyType);
            return a == null ? null : new String[] {a};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            Material m = byAlias(alias);
            return m == null ? null : m.key().chain().clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            Material m = byAlias(alias);
            return m == null ? null : m.key().key();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    /** Client certificates: verified against the client CA when the policy says so, then matched to the allowed SANs. */
    private final class ClientCheck extends X509ExtendedTrustManager {
        private void check(X509Certificate[] chain, String authType) throws CertificateException {
            Material m = material();
            if (tls.clientAuth().verified) {
                if (m.cas() == null) {
                    throw new CertificateException("no client CA configured");
                }
                m.cas().checkClientTrusted(chain, authType);
            }
            if (!tls.clientAllowedSans().isEmpty() && !allowedSan(chain[0])) {
                throw new CertificateException("client certificate has none of the allowed SANs");
            }
        }

        private boolean allowedSan(X509Certificate leaf) throws CertificateParsingException {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans == null) {
                return false;
            }
            return sans.stream().anyMatch(san -> tls.clientAllowedSans().contains(String.valueOf(san.get(1))));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("a server does not check servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a server does not check servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a server does not check servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509TrustManager cas = material().cas();
            return cas == null ? new X509Certificate[0] : cas.getAcceptedIssuers();
        }
    }
}
