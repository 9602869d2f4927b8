package io.tierlens.core.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test CA made with the JDK's keytool at test time, with a server certificate for localhost/127.0.0.1 written as
 * PEM files (what a web config file names) and client certificates for mTLS.
 */
public final class TestPki {
    private static final String PASS = "changeit";

    private final Path dir;
    private final String caName;

    private TestPki(Path dir, String caName) {
        this.dir = dir;
        this.caName = caName;
    }

    public static TestPki create(Path dir, String caName) throws IOException, InterruptedException {
        TestPki pki = new TestPki(dir, caName);
        pki.keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + caName,
                "-ext",
                "bc:c",
                "-validity",
                "3",
                "-keystore",
                pki.store(caName).toString());
        pki.keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                pki.store(caName).toString(),
                "-file",
                pki.caPem().toString());
        return pki;
    }

    public Path caPem() {
        return dir.resolve(caName + "-ca.crt");
    }

    private Path store(String name) {
        return dir.resolve(name + ".p12");
    }

    /** Issues a certificate for {@code name}; returns {cert PEM, key PEM (PKCS#8)}. */
    public Path[] issue(String name, String eku) throws IOException, InterruptedException, GeneralSecurityException {
        String alias = name;
        Path store = store(caName + "-" + name);
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-validity",
                "3",
                "-keystore",
                store.toString());
        Path csr = dir.resolve(caName + "-" + name + ".csr");
        keytool("-certreq", "-alias", alias, "-keystore", store.toString(), "-file", csr.toString());
        Path cert = dir.resolve(caName + "-" + name + ".crt");
        keytool(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                store(caName).toString(),
                "-infile",
                csr.toString(),
                "-outfile",
                cert.toString(),
                "-rfc",
                "-validity",
                "3",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-ext",
                "EKU=" + eku);
        KeyStore ks = load(store);
        PrivateKey key = (PrivateKey) ks.getKey(alias, PASS.toCharArray());
        Path keyPem = dir.resolve(caName + "-" + name + ".key");
        Files.writeString(
                keyPem,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(key.getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        return new Path[] {cert, keyPem};
    }

    /** A client context trusting {@code trusted}, presenting {@code clientCert}/{@code clientKey} when given. */
    public static SSLContext clientContext(Path trusted, Path clientCert, Path clientKey) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (X509Certificate c : TlsMaterial.certificates(Files.readString(trusted))) {
            trust.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientCert != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            List<Certificate> chain = new ArrayList<>(TlsMaterial.certificates(Files.readString(clientCert)));
            keys.setKeyEntry(
                    "client",
                    TlsMaterial.privateKey(Files.readString(clientKey)),
                    PASS.toCharArray(),
                    chain.toArray(Certificate[]::new));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASS.toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASS.toCharArray());
        }
        return ks;
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASS));
        if (!args[0].equals("-exportcert")) {
            cmd.addAll(List.of("-keypass", PASS));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}
