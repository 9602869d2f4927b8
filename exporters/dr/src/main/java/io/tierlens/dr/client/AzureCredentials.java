package io.tierlens.dr.client;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.CredentialUnavailableException;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import io.tierlens.dr.AzureAuthConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The Entra ID credential tierlens signs in with, from {@code exporters.dr.azure.auth} and the environment azure-identity
 * itself reads. Incomplete settings do not stop the exporter: the credential then fails every sign-in, so each Azure
 * target shows {@code access_denied} and the log says which setting is missing (never a value).
 */
public final class AzureCredentials {
    private static final Logger log = LoggerFactory.getLogger(AzureCredentials.class);

    private AzureCredentials() {}

    /**
     * @param env the process environment ({@code System::getenv}); tests pass a map
     * @param http the HTTP client for the token endpoint
     */
    public static TokenCredential create(AzureAuthConfig auth, UnaryOperator<String> env, HttpClient http) {
        String tenant = or(auth.tenantId(), env.apply("AZURE_TENANT_ID"));
        String client = or(auth.clientId(), env.apply("AZURE_CLIENT_ID"));
        String authority = or(auth.authorityHost(), env.apply("AZURE_AUTHORITY_HOST"));
        List<String> missing = new ArrayList<>();
        if (tenant.isEmpty()) {
            missing.add("tenant_id / AZURE_TENANT_ID");
        }
        if (client.isEmpty()) {
            missing.add("client_id / AZURE_CLIENT_ID");
        }
        switch (auth.method()) {
            case AzureAuthConfig.CLIENT_SECRET -> {
                String secret;
                try {
                    secret = auth.clientSecretFile().isEmpty()
                            ? or("", env.apply("AZURE_CLIENT_SECRET"))
                            : Files.readString(Path.of(auth.clientSecretFile()), StandardCharsets.UTF_8)
                                    .strip();
                } catch (IOException e) {
                    return unavailable(
                            "client_secret_file cannot be read (" + e.getClass().getSimpleName() + ")");
                }
                if (secret.isEmpty()) {
                    missing.add("client_secret_file / AZURE_CLIENT_SECRET");
                }
                if (!missing.isEmpty()) {
                    return unavailable("missing " + String.join(", ", missing));
                }
                ClientSecretCredentialBuilder b = new ClientSecretCredentialBuilder()
                        .tenantId(tenant)
                        .clientId(client)
                        .clientSecret(secret)
                        .httpClient(http);
                if (!authority.isEmpty()) {
                    b.authorityHost(authority).disableInstanceDiscovery();
                }
                return b.build();
            }
            case AzureAuthConfig.CLIENT_CERTIFICATE -> {
                String file = or(auth.certificateFile(), env.apply("AZURE_CLIENT_CERTIFICATE_PATH"));
                if (file.isEmpty() || !Files.isReadable(Path.of(file))) {
                    missing.add("a readable certificate_file / AZURE_CLIENT_CERTIFICATE_PATH");
                }
                if (!missing.isEmpty()) {
                    return unavailable("missing " + String.join(", ", missing));
                }
                ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder()
                        .tenantId(tenant)
                        .clientId(client)
                        .pemCertificate(file)
                        .httpClient(http);
                if (!authority.isEmpty()) {
                    b.authorityHost(authority).disableInstanceDiscovery();
                }
                return b.build();
            }
            default -> {
                String tokenFile = or(auth.federatedTokenFile(), env.apply("AZURE_FEDERATED_TOKEN_FILE"));
                if (tokenFile.isEmpty()) {
                    missing.add("federated_token_file / AZURE_FEDERATED_TOKEN_FILE");
                }
                if (!missing.isEmpty()) {
                    return unavailable("missing " + String.join(", ", missing));
                }
                // The token file is re-read by azure-identity on each sign-in: the kubelet rotates it hourly.
                WorkloadIdentityCredentialBuilder b = new WorkloadIdentityCredentialBuilder()
                        .tenantId(tenant)
                        .clientId(client)
                        .tokenFilePath(tokenFile)
                        .httpClient(http);
                if (!authority.isEmpty()) {
                    // a non-public authority (sovereign cloud, proxy) is unknown to the public instance discovery
                    b.authorityHost(authority).disableInstanceDiscovery();
                }
                return b.build();
            }
        }
    }

    /** A credential that refuses every sign-in with {@code why} (which names settings, never values). */
    static TokenCredential unavailable(String why) {
        // said once here (names of settings only); each refresh then counts access_denied without repeating it
        log.warn("exporters.dr.azure.auth: Azure sign-in is not configured: {}", why);
        return request -> Mono.error(new CredentialUnavailableException("Azure sign-in is not configured: " + why));
    }

    private static String or(String configured, String env) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return env == null ? "" : env.strip();
    }
}
