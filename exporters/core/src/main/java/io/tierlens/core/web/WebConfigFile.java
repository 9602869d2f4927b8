package io.tierlens.core.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tierlens.core.config.ConfigBinder;
import io.tierlens.core.config.ConfigError;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ConfigLoader;
import io.tierlens.core.config.ConfigProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Reads and checks an exporter-toolkit web configuration file, reporting every problem with its key path the way
 * {@code check-config} reports the main file (so a bad file exits with code 2 and a line per error). The TLS
 * material it names is read too, so a missing key file fails at start-up, not at the first handshake.
 */
public final class WebConfigFile {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private WebConfigFile() {}

    public static WebConfig load(Path file) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(
                    name, List.of(new ConfigError("", "file not found", "check the path given to --web-config-file")));
        } catch (IOException e) {
            throw new ConfigException(
                    name,
                    List.of(new ConfigError("", "cannot read the file: " + e.getMessage(), "check its permissions")));
        }
        return parse(name, text, file.toAbsolutePath().getParent());
    }

    /** @param baseDir relative file names in the file are resolved against it (exporter-toolkit does the same) */
    static WebConfig parse(String name, String text, Path baseDir) throws ConfigException {
        JsonNode root;
        try {
            root = text.isBlank() ? YAML.createObjectNode() : YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name, List.of(ConfigLoader.syntaxError(e)));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = YAML.createObjectNode();
        }
        ConfigProblems problems = new ConfigProblems();
        WebConfig config = new ConfigBinder(problems).bind(root, WebConfig.class, "");
        if (config != null && problems.isEmpty()) {
            config = resolve(config, baseDir);
            config.tls().ifPresent(tls -> checkMaterial(tls, problems));
        }
        if (!problems.isEmpty() || config == null) {
            throw new ConfigException(name, problems.errors());
        }
        return config;
    }

    private static WebConfig resolve(WebConfig c, Path baseDir) {
        if (c.tls().isEmpty() || baseDir == null) {
            return c;
        }
        TlsServerConfig t = c.tlsServerConfig();
        TlsServerConfig resolved = new TlsServerConfig(
                t.cert(),
                t.key(),
                t.clientCa(),
                under(baseDir, t.certFile()),
                under(baseDir, t.keyFile()),
                t.clientAuthType(),
                under(baseDir, t.clientCaFile()),
                t.clientAllowedSans(),
                t.minVersion(),
                t.maxVersion(),
                t.cipherSuites(),
                t.preferServerCipherSuites(),
                t.curvePreferences());
        return new WebConfig(resolved, c.httpServerConfig(), c.basicAuthUsers(), c.rateLimit());
    }

    private static String under(Path baseDir, String file) {
        return file == null ? null : baseDir.resolve(file).toString();
    }

    private static void checkMaterial(TlsServerConfig tls, ConfigProblems problems) {
        String base = "tls_server_config";
        try {
            TlsMaterial.serverKey(tls);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            problems.add(
                    ConfigProblems.join(base, tls.certFile() != null ? "cert_file" : "cert"),
                    "cannot load the certificate and key: " + e.getMessage(),
                    "give a PEM certificate chain and its PEM private key (PKCS#8 or PKCS#1)");
        }
        if (tls.clientCaFile() != null || tls.clientCa() != null) {
            try {
                TlsMaterial.clientCas(tls);
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                problems.add(
                        ConfigProblems.join(base, tls.clientCaFile() != null ? "client_ca_file" : "client_ca"),
                        "cannot load the client CA: " + e.getMessage(),
                        "give one or more PEM certificates");
            }
        }
        for (String suite : tls.cipherSuites()) {
            if (!TlsMaterial.supportedCipherSuites().contains(suite)) {
                problems.add(
                        ConfigProblems.join(base, "cipher_suites"),
                        "unknown cipher suite \"" + suite + "\"",
                        "use IANA names such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            }
        }
    }
}
