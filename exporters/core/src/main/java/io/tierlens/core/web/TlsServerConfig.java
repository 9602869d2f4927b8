package io.tierlens.core.web;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.util.List;
import java.util.Map;

/**
 * {@code tls_server_config} of an exporter-toolkit web configuration file. Key names and values are exporter-toolkit's
 * (Go's {@code crypto/tls} names: {@code TLS12}, {@code RequireAndVerifyClientCert}); cipher suites use the IANA
 * names, which Go and the JDK share.
 */
public record TlsServerConfig(
        String cert,
        String key,
        String clientCa,
        String certFile,
        String keyFile,
        String clientAuthType,
        String clientCaFile,
        List<String> clientAllowedSans,
        String minVersion,
        String maxVersion,
        List<String> cipherSuites,
        Boolean preferServerCipherSuites,
        List<String> curvePreferences)
        implements ConfigChecked {

    static final Map<String, String> VERSIONS =
            Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
    static final List<String> VERSION_ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");

    public TlsServerConfig {
        clientAuthType = clientAuthType == null ? "NoClientCert" : clientAuthType;
        clientAllowedSans = clientAllowedSans == null ? List.of() : clientAllowedSans;
        minVersion = minVersion == null ? "TLS12" : minVersion;
        maxVersion = maxVersion == null ? "TLS13" : maxVersion;
        cipherSuites = cipherSuites == null ? List.of() : cipherSuites;
        curvePreferences = curvePreferences == null ? List.of() : curvePreferences;
    }

    /** Go's {@code tls.ClientAuthType}: whether a client certificate is asked for, required and verified. */
    public enum ClientAuth {
        NoClientCert(false, false, false),
        RequestClientCert(true, false, false),
        RequireAnyClientCert(true, true, false),
        VerifyClientCertIfGiven(true, false, true),
        RequireAndVerifyClientCert(true, true, true);

        final boolean asked;
        final boolean required;
        final boolean verified;

        ClientAuth(boolean asked, boolean required, boolean verified) {
            this.asked = asked;
            this.required = required;
            this.verified = verified;
        }
    }

    /** An absent (or empty) section: exporter-toolkit then serves plain HTTP. */
    public boolean isEmpty() {
        return cert == null
                && key == null
                && certFile == null
                && keyFile == null
                && clientCa == null
                && clientCaFile == null;
    }

    public ClientAuth clientAuth() {
        return ClientAuth.valueOf(clientAuthType);
    }

    /** JDK protocol names from {@code min_version} to {@code max_version}. */
    public String[] protocols() {
        int from = VERSION_ORDER.indexOf(minVersion);
        int to = VERSION_ORDER.indexOf(maxVersion);
        return VERSION_ORDER.subList(from, to + 1).stream().map(VERSIONS::get).toArray(String[]::new);
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (isEmpty()) {
            return;
        }
        boolean certGiven = certFile != null || cert != null;
        boolean keyGiven = keyFile != null || key != null;
        if (!certGiven) {
            problems.add(ConfigProblems.join(path, "cert_file"), "missing", "give cert_file (or cert) with key_file");
        }
        if (!keyGiven) {
            problems.add(ConfigProblems.join(path, "key_file"), "missing", "give key_file (or key) with cert_file");
        }
        if (certFile != null && cert != null) {
            problems.add(ConfigProblems.join(path, "cert"), "given with cert_file", "keep one of cert and cert_file");
        }
        if (keyFile != null && key != null) {
            problems.add(ConfigProblems.join(path, "key"), "given with key_file", "keep one of key and key_file");
        }
        if (clientCaFile != null && clientCa != null) {
            problems.add(
                    ConfigProblems.join(path, "client_ca"),
                    "given with client_ca_file",
                    "keep one of client_ca and client_ca_file");
        }
        ClientAuth auth = null;
        try {
            auth = ClientAuth.valueOf(clientAuthType);
        } catch (IllegalArgumentException e) {
            problems.add(
                    ConfigProblems.join(path, "client_auth_type"),
                    "unknown value \"" + clientAuthType + "\"",
                    "use one of: " + java.util.Arrays.toString(ClientAuth.values()));
        }
        if (auth != null && auth.verified && clientCaFile == null && clientCa == null) {
            problems.add(
                    ConfigProblems.join(path, "client_ca_file"),
                    "missing: " + clientAuthType + " verifies client certificates against it",
                    "give the CA that signs the clients' certificates");
        }
        if (auth != null && !clientAllowedSans.isEmpty() && !auth.required) {
            problems.add(
                    ConfigProblems.join(path, "client_allowed_sans"),
                    "needs a client certificate",
                    "use client_auth_type: RequireAndVerifyClientCert");
        }
        for (String[] v : new String[][] {{"min_version", minVersion}, {"max_version", maxVersion}}) {
            if (!VERSIONS.containsKey(v[1])) {
                problems.add(
                        ConfigProblems.join(path, v[0]),
                        "unknown value \"" + v[1] + "\"",
                        "use one of: " + String.join(", ", VERSION_ORDER));
            }
        }
        if (VERSIONS.containsKey(minVersion)
                && VERSIONS.containsKey(maxVersion)
                && VERSION_ORDER.indexOf(minVersion) > VERSION_ORDER.indexOf(maxVersion)) {
            problems.add(ConfigProblems.join(path, "min_version"), "above max_version", "lower min_version");
        }
        if (!curvePreferences.isEmpty()) {
            // The JDK 17 server only takes named groups process-wide (jdk.tls.namedGroups), not per listener.
            problems.add(
                    ConfigProblems.join(path, "curve_preferences"),
                    "not supported by tierlens",
                    "remove it; set -Djdk.tls.namedGroups in JAVA_TOOL_OPTIONS instead");
        }
    }
}
