package io.tierlens.dr;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import java.util.Locale;

/**
 * {@code exporters.dr.azure.auth:} — how tierlens signs in to Azure (Entra ID). Every value defaults to the
 * environment variable azure-identity itself reads, so a pod set up for Azure workload identity needs nothing
 * here. Secrets are only ever read from files or the environment, never from this file, and never logged.
 *
 * @param method {@code workload_identity} (default: the pod's projected service-account token exchanged for an
 *     Entra ID token), {@code client_secret} or {@code client_certificate}
 * @param tenantId default env {@code AZURE_TENANT_ID}
 * @param clientId the app registration's client id, default env {@code AZURE_CLIENT_ID}
 * @param federatedTokenFile default env {@code AZURE_FEDERATED_TOKEN_FILE} (the projected token with audience
 *     {@code api://AzureADTokenExchange})
 * @param clientSecretFile file holding the client secret; empty reads env {@code AZURE_CLIENT_SECRET}
 * @param certificateFile PEM file with the certificate and its private key, default env
 *     {@code AZURE_CLIENT_CERTIFICATE_PATH}
 * @param authorityHost default env {@code AZURE_AUTHORITY_HOST}, else {@code https://login.microsoftonline.com/}
 */
public record AzureAuthConfig(
        String method,
        String tenantId,
        String clientId,
        String federatedTokenFile,
        String clientSecretFile,
        String certificateFile,
        String authorityHost)
        implements ConfigChecked {
    public static final String WORKLOAD_IDENTITY = "workload_identity";
    public static final String CLIENT_SECRET = "client_secret";
    public static final String CLIENT_CERTIFICATE = "client_certificate";

    public AzureAuthConfig {
        method = method == null || method.isBlank()
                ? WORKLOAD_IDENTITY
                : method.strip().toLowerCase(Locale.ROOT);
        tenantId = strip(tenantId);
        clientId = strip(clientId);
        federatedTokenFile = strip(federatedTokenFile);
        clientSecretFile = strip(clientSecretFile);
        certificateFile = strip(certificateFile);
        authorityHost = strip(authorityHost);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (!method.equals(WORKLOAD_IDENTITY) && !method.equals(CLIENT_SECRET) && !method.equals(CLIENT_CERTIFICATE)) {
            problems.add(
                    ConfigProblems.join(path, "method"),
                    "unknown method \"" + method + "\"",
                    "use workload_identity, client_secret or client_certificate");
        }
        if (!authorityHost.isEmpty() && !authorityHost.startsWith("https://")) {
            problems.add(
                    ConfigProblems.join(path, "authority_host"),
                    "Entra ID is only reached over https",
                    "write e.g. https://login.microsoftonline.com/");
        }
    }
}
