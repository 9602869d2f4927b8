package io.tierlens.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tierlens.core.web.BasicAuth;
import io.tierlens.core.web.WebConfig;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes through here: exact paths (the JDK server matches contexts by prefix, so it owns only
 * {@code /}), allowed methods (405 with {@code Allow}), the web config's rate limit, basic auth and headers.
 * Health endpoints are exempt from basic auth — a kubelet probe cannot send credentials, and they reveal
 * nothing but "up" and "ready".
 */
final class Router implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    /** One path: the methods it answers, whether it needs credentials, and what serves it. */
    record Route(Set<String> methods, boolean authenticated, Endpoint endpoint) {}

    @FunctionalInterface
    interface Endpoint {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final Map<String, Route> routes;
    private final WebConfig web;
    private final BasicAuth auth;
    private final Optional<TokenBucket> limit;

    Router(Map<String, Route> routes, WebConfig web, Optional<TokenBucket> limit) {
        this.routes = new LinkedHashMap<>(routes);
        this.web = web;
        this.auth = new BasicAuth(web.basicAuthUsers());
        this.limit = limit;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            web.httpServerConfig().headers().forEach((name, value) -> {
                if (!value.isEmpty()) {
                    exchange.getResponseHeaders().set(name, value);
                }
            });
            try {
                dispatch(exchange, path, method);
            } catch (RuntimeException e) {
                // Without an answer the JDK server just drops the connection and the caller sees no hint.
                log.warn("{} {} failed: {}", method, path, e.toString());
                Responses.text(exchange, 500, "Internal error while handling " + path + "; see the tierlens log.\n");
            }
        }
    }

    private void dispatch(HttpExchange exchange, String path, String method) throws IOException {
        Route route = routes.get(path);
        if (route == null) {
            Responses.text(exchange, 404, "Not found. Try " + String.join(", ", routes.keySet()) + ".\n");
            return;
        }
        if (limit.isPresent() && !limit.get().tryTake()) {
            Responses.text(exchange, 429, "Too many requests.\n");
            return;
        }
        if (!route.methods().contains(method)) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", route.methods()));
            Responses.text(exchange, 405, path + " answers " + String.join(" and ", route.methods()) + " only.\n");
            return;
        }
        if (route.authenticated() && auth.enabled()) {
            List<String> given = exchange.getRequestHeaders().getOrDefault("Authorization", List.of());
            if (given.isEmpty() || auth.authenticate(given.get(0)).isEmpty()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"tierlens\", charset=\"UTF-8\"");
                Responses.text(exchange, 401, "Unauthorized.\n");
                return;
            }
        }
        route.endpoint().handle(exchange);
    }
}
