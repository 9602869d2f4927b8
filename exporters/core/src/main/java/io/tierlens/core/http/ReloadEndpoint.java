package io.tierlens.core.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code POST /-/reload}, served only when {@code server.enable_reload} is true (the router answers 404 otherwise).
 * A reload restarts every exporter and calls AWS at once, so it is refused to browsers on other origins (a page on
 * any site could otherwise POST to it: a "simple" cross-origin request needs no CORS permission) and to a caller
 * who reloads again within {@code minInterval}.
 */
final class ReloadEndpoint {
    private final Supplier<ReloadOutcome> reload;
    private final Duration minInterval;
    private final Clock clock;
    private Instant last;

    ReloadEndpoint(Supplier<ReloadOutcome> reload, Duration minInterval, Clock clock) {
        this.reload = reload;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (crossOrigin(exchange)) {
            Responses.text(exchange, 403, "Cross-origin reload refused.\n");
            return;
        }
        Duration wait = reserve();
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            Responses.text(
                    exchange,
                    429,
                    "The configuration was reloaded less than " + minInterval.toSeconds() + " s ago; try again in "
                            + seconds + " s.\n");
            return;
        }
        ReloadOutcome outcome = reload.get();
        if (outcome.applied()) {
            Responses.text(exchange, 200, "Configuration reloaded.\n");
        } else {
            Responses.text(
                    exchange,
                    400,
                    "Configuration not reloaded; the running configuration stays in force:\n"
                            + String.join("\n", outcome.errors())
                            + "\n");
        }
    }

    /** Zero when a reload may start now (and records it), else how long to wait. */
    private synchronized Duration reserve() {
        Instant now = clock.instant();
        if (last != null) {
            Duration since = Duration.between(last, now);
            if (since.compareTo(minInterval) < 0) {
                return minInterval.minus(since);
            }
        }
        last = now;
        return Duration.ZERO;
    }

    /**
     * A browser names the page's origin in {@code Origin} (and says {@code Sec-Fetch-Site: cross-site}); curl,
     * Prometheus tooling and config reloaders send neither. Same-origin means the Origin's host:port is the Host.
     */
    static boolean crossOrigin(HttpExchange exchange) {
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return true;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            return false;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        try {
            URI o = URI.create(origin.trim());
            String authority = o.getAuthority();
            return host == null
                    || authority == null
                    || !authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return true; // "null" (a sandboxed page) and garbage are not our origin
        }
    }
}
