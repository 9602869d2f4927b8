package io.tierlens.dr.client;

import io.tierlens.dr.ProbeConfig;
import io.tierlens.dr.model.FailureKind;
import io.tierlens.dr.model.ProbeResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;

/**
 * Probes with {@code java.net.http}: GET, redirects followed, status and body checked, the whole request bounded
 * by the probe's timeout (a server that accepts and then never answers is a timeout, not a stuck refresh). The
 * TLS expiry is read with a separate handshake that accepts any certificate, so an expired or self-signed
 * certificate is reported rather than only failing the request.
 */
public final class HttpProber implements Prober {
    /** Only the first MiB of a body is kept for the regex: a probe must not buffer a download. */
    static final int MAX_BODY = 1 << 20;

    private static final Duration MIN_TLS_TIME = Duration.ofSeconds(1);
    private static final Set<FailureKind> UNREACHABLE =
            Set.of(FailureKind.TIMEOUT, FailureKind.CONNECTION_REFUSED, FailureKind.DNS);

    private final HttpClient verifying;
    private final HttpClient insecure;
    private final UnaryOperator<URI> route;

    public HttpProber() {
        this(UnaryOperator.identity());
    }

    /**
     * @param route where a configured URL is actually sent: the identity in production; the demo points its
     *     invented host names at the local servers it starts
     */
    public HttpProber(UnaryOperator<URI> route) {
        this.route = route;
        this.verifying = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HttpClient insecureClient;
        try {
            insecureClient = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(TlsCertificates.acceptAll())
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("no TLS implementation available", e);
        }
        this.insecure = insecureClient;
    }

    @Override
    public ProbeResult probe(ProbeConfig p) {
        URI configured = URI.create(p.url());
        URI target = route.apply(configured);
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(p.timeout())
                .header("User-Agent", "tierlens-dr-probe")
                .GET()
                .build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future =
                (p.insecureSkipVerify() ? insecure : verifying).sendAsync(request, info -> limitedBody());
        int status = 0;
        Optional<FailureKind> failure;
        try {
            HttpResponse<byte[]> response = future.get(p.timeout().toMillis(), TimeUnit.MILLISECONDS);
            status = response.statusCode();
            failure = check(p, response);
        } catch (TimeoutException e) {
            future.cancel(true);
            failure = Optional.of(FailureKind.TIMEOUT);
        } catch (ExecutionException e) {
            failure = Optional.of(classify(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            failure = Optional.of(FailureKind.TIMEOUT);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        // The certificate is read within what is left of the probe's timeout (at least a second), and not at all
        // when the server could not be reached: a probe takes about its timeout at most, never twice as long.
        boolean reachable = failure.filter(UNREACHABLE::contains).isEmpty();
        Duration left = p.timeout().minus(duration);
        Optional<Instant> expiry = "https".equalsIgnoreCase(target.getScheme()) && reachable
                ? tlsExpiry(target, configured, left.compareTo(MIN_TLS_TIME) < 0 ? MIN_TLS_TIME : left)
                : Optional.empty();
        return new ProbeResult(p.name(), p.site(), failure.isEmpty(), duration, status, expiry, failure);
    }

    private static Optional<FailureKind> check(ProbeConfig p, HttpResponse<byte[]> response) {
        if (!p.statusOk(response.statusCode())) {
            return Optional.of(FailureKind.HTTP_STATUS);
        }
        if (p.bodyPattern().isPresent()) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (!p.bodyPattern().get().matcher(body).find()) {
                return Optional.of(FailureKind.STRING_MISMATCH);
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> tlsExpiry(URI target, URI configured, Duration timeout) {
        int port = target.getPort() > 0 ? target.getPort() : 443;
        try {
            return TlsCertificates.earliestExpiry(target.getHost(), port, configured.getHost(), timeout);
        } catch (IOException e) {
            // no handshake (refused, timed out, not TLS): the expiry is unknown; the HTTP part says why
            return Optional.empty();
        }
    }

    static FailureKind classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException || c instanceof HttpTimeoutException) {
                return FailureKind.TIMEOUT;
            }
            if (c instanceof java.net.SocketTimeoutException) {
                return FailureKind.TIMEOUT;
            }
            if (c instanceof SSLException || c instanceof java.security.cert.CertificateException) {
                return FailureKind.SSL;
            }
            if (c instanceof UnknownHostException) {
                return FailureKind.DNS;
            }
            if (c instanceof ConnectException) {
                return FailureKind.CONNECTION_REFUSED;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return FailureKind.OTHER;
    }

    /** Keeps the first {@link #MAX_BODY} bytes and drains the rest, so memory stays bounded whatever the server sends. */
    private static HttpResponse.BodySubscriber<byte[]> limitedBody() {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        return HttpResponse.BodySubscribers.mapping(
                HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(b -> {
                    int room = MAX_BODY - kept.size();
                    if (room > 0) {
                        kept.write(b, 0, Math.min(room, b.length));
                    }
                })),
                ignored -> kept.toByteArray());
    }
}
