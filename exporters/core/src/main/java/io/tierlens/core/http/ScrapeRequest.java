package io.tierlens.core.http;

import com.sun.net.httpserver.HttpExchange;
import io.tierlens.core.metrics.RenderedSnapshot.Format;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a scraper asked for: OpenMetrics when its {@code Accept} names it (as client_java decides), gzip when its
 * {@code Accept-Encoding} allows it, and the {@code name[]} families (none: all).
 */
record ScrapeRequest(Format format, boolean gzip, Set<String> names) {
    static ScrapeRequest of(HttpExchange exchange) {
        List<String> accept = exchange.getRequestHeaders().getOrDefault("Accept", List.of());
        boolean openMetrics = accept.stream().anyMatch(a -> a.contains("application/openmetrics-text"));
        List<String> encodings = exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of());
        boolean gzip = encodings.stream().anyMatch(ScrapeRequest::allowsGzip);
        return new ScrapeRequest(
                openMetrics ? Format.OPENMETRICS : Format.TEXT,
                gzip,
                names(exchange.getRequestURI().getRawQuery()));
    }

    /** {@code gzip} listed without {@code q=0}. */
    static boolean allowsGzip(String header) {
        for (String item : header.split(",")) {
            String[] parts = item.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                    if (p.equals("q=0") || p.matches("q=0\\.0*")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static Set<String> names(String rawQuery) {
        Set<String> names = new LinkedHashSet<>();
        if (rawQuery == null) {
            return names;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals("name[]")) {
                names.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return names;
    }
}
