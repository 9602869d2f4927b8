package io.tierlens.demo.dr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The demo's two sites as real local servers on free ports, so the probes run the production HTTP and TLS code:
 * the primary shop ({@code http://primary.demo.invalid}) answers 503 while the {@link FailoverDrill} has it down;
 * the DR site's maintenance page ({@code https://dr.demo.invalid}, a self-signed demo certificate valid ten years)
 * always answers. {@link #route} points those invented host names at the servers.
 */
final class DemoSites implements AutoCloseable {
    static final String PRIMARY_HOST = "primary.demo.invalid";
    static final String DR_HOST = "dr.demo.invalid";
    private static final String KEYSTORE = "/io/tierlens/demo/dr/demo-tls.p12";
    /** Demo-only key material, generated for this demo and shipped in the jar; it protects nothing. */
    private static final char[] KEYSTORE_PASSWORD = "tierlens-demo".toCharArray();

    private final HttpServer primary;
    private final HttpsServer dr;
    private final ExecutorService executor;

    DemoSites(FailoverDrill drill, Clock clock) throws IOException {
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tierlens-demo-site");
            t.setDaemon(true);
            return t;
        });
        InetAddress loopback = InetAddress.getLoopbackAddress();
        primary = HttpServer.create(new InetSocketAddress(loopback, 0), 16);
        primary.createContext("/", ex -> {
            boolean down = drill.primaryDown(clock.instant());
            respond(ex, down ? 503 : 200, down ? "upstream unavailable\n" : "ok\n");
        });
        primary.setExecutor(executor);
        dr = HttpsServer.create(new InetSocketAddress(loopback, 0), 16);
        dr.setHttpsConfigurator(new HttpsConfigurator(demoTls()));
        dr.createContext("/", ex -> respond(ex, 200, "<html><body><h1>Scheduled maintenance</h1></body></html>\n"));
        dr.setExecutor(executor);
        primary.start();
        dr.start();
    }

    /** Sends a configured demo URL to the local server of its site; other URLs go where they say. */
    URI route(URI configured) {
        String host = configured.getHost();
        int port;
        if (PRIMARY_HOST.equals(host)) {
            port = primary.getAddress().getPort();
        } else if (DR_HOST.equals(host)) {
            port = dr.getAddress().getPort();
        } else {
            return configured;
        }
        return URI.create(configured.getScheme() + "://127.0.0.1:" + port
                + (configured.getRawPath() == null || configured.getRawPath().isEmpty()
                        ? "/"
                        : configured.getRawPath()));
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", body.startsWith("<html") ? "text/html" : "text/plain");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static SSLContext demoTls() throws IOException {
        try (InputStream in = DemoSites.class.getResourceAsStream(KEYSTORE)) {
            if (in == null) {
                throw new IOException("demo keystore " + KEYSTORE + " missing from the jar");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, KEYSTORE_PASSWORD);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, KEYSTORE_PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the demo certificate", e);
        }
    }

    @Override
    public void close() {
        primary.stop(0);
        dr.stop(0);
        executor.shutdownNow();
    }
}
