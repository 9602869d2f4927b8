package io.tierlens.app.wiring;

import java.util.List;

/** The page at {@code /}: what this process is and where to look. */
final class LandingPage {
    private LandingPage() {}

    static String html(String mode, List<String> exporters) {
        String banner = "demo".equals(mode)
                ? "<p><strong>DEMO MODE</strong>: every value is simulated (account 123456789012, a made-up"
                        + " cluster). Nothing here describes a real system.</p>"
                : "";
        return "<!doctype html><html><head><title>tierlens</title></head><body><h1>tierlens</h1>" + banner
                + "<p>Exporters: " + String.join(", ", exporters) + "</p>"
                + "<ul><li><a href=\"/metrics\">/metrics</a></li><li><a href=\"/-/healthy\">/-/healthy</a></li>"
                + "<li><a href=\"/-/ready\">/-/ready</a></li><li>POST /-/reload (with server.enable_reload)</li></ul></body></html>\n";
    }
}
