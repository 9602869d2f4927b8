package io.tierlens.core.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Reads the PEM files of {@code tls_server_config}: certificate chains, and private keys in the three encodings
 * that openssl, cert-manager and exporter-toolkit users produce: PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}). Encrypted keys are not supported (nor are they by
 * exporter-toolkit).
 */
public final class TlsMaterial {
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
    };

    /** A server's private key and its certificate chain, leaf first. */
    public record ServerKey(PrivateKey key, X509Certificate[] chain) {}

    private TlsMaterial() {}

    public static ServerKey serverKey(TlsServerConfig tls) throws IOException, GeneralSecurityException {
        String certPem = tls.certFile() != null ? read(tls.certFile()) : tls.cert();
        String keyPem = tls.keyFile() != null ? read(tls.keyFile()) : tls.key();
        List<X509Certificate> chain = certificates(certPem);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate found");
        }
        return new ServerKey(privateKey(keyPem), chain.toArray(X509Certificate[]::new));
    }

    public static List<X509Certificate> clientCas(TlsServerConfig tls) throws IOException, GeneralSecurityException {
        List<X509Certificate> cas =
                certificates(tls.clientCaFile() != null ? read(tls.clientCaFile()) : tls.clientCa());
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate found");
        }
        return cas;
    }

    public static Set<String> supportedCipherSuites() {
        try {
            return Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(pem == null ? "" : pem);
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(decode(m.group(2)))));
            }
        }
        return out;
    }

    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher m = PEM.matcher(pem == null ? "" : pem);
        while (m.find()) {
            byte[] der = decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY":
                    return pkcs8(der);
                case "RSA PRIVATE KEY":
                    return KeyFactory.getInstance("RSA")
                            .generatePrivate(new PKCS8EncodedKeySpec(wrap(RSA_ALGORITHM, der)));
                case "EC PRIVATE KEY":
                    byte[] algorithm = sequence(concat(EC_PUBLIC_KEY_OID, sec1CurveOid(der)));
                    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(wrap(algorithm, der)));
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException("encrypted private keys are not supported");
                default:
                // e.g. "EC PARAMETERS" before the key in openssl ecparam output
            }
        }
        throw new IllegalArgumentException("no PEM private key found");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithm, byte[] key) {
        return sequence(concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key)));
    }

    /** The named-curve OID in SEC1's {@code [0] parameters}, as a full TLV. */
    private static byte[] sec1CurveOid(byte[] der) {
        int[] outer = header(der, 0); // SEQUENCE
        int i = outer[0];
        int end = outer[0] + outer[1];
        while (i < end) {
            int tag = der[i] & 0xff;
            int[] h = header(der, i);
            if (tag == 0xa0) {
                return Arrays.copyOfRange(der, h[0], h[0] + h[1]);
            }
            i = h[0] + h[1];
        }
        throw new IllegalArgumentException(
                "EC PRIVATE KEY without a named curve; convert it with openssl pkcs8 -topk8");
    }

    /** {content start, content length} of the TLV at {@code at}. */
    private static int[] header(byte[] der, int at) {
        int len = der[at + 1] & 0xff;
        int start = at + 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int k = 0; k < n; k++) {
                len = (len << 8) | (der[start + k] & 0xff);
            }
            start += n;
        }
        return new int[] {start, len};
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64);
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
    }
}
