package io.tierlens.dr;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import io.tierlens.core.aws.ApiClients;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.dr.client.ArmApi;
import io.tierlens.dr.client.AzureCredentials;
import io.tierlens.dr.client.AzureHttp;
import io.tierlens.dr.client.BlobDumpStoreApi;
import io.tierlens.dr.client.DumpStoreApi;
import io.tierlens.dr.client.RestArmApi;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Azure side's clients for {@link DrModule}: live over the Azure SDK, or the demo's simulations. */
final class AzureWiring {
    private static final Logger log = LoggerFactory.getLogger(AzureWiring.class);

    private AzureWiring() {}

    /** The key of an Azure client in {@link ApiClients} (keyed by AWS target; the demo registers simulations). */
    static AwsTarget key(String target) {
        return new AwsTarget("", target, "azure", Optional.empty(), Optional.empty());
    }

    /**
     * The Azure side's clients. The Entra ID credential is built once, on first use by a live client (never in the
     * demo), from {@code auth} and the environment; it caches and refreshes its token itself.
     */
    static AzureClients clients(AzureConfig azure, ApiClients c) {
        if (!azure.enabled()) {
            return AzureClients.NONE;
        }
        ResourceManagerConfig rm = azure.resourceManager();
        HttpClient http = AzureHttp.client(Duration.ofSeconds(30), Optional.empty());
        Supplier<TokenCredential> credential =
                memoize(() -> AzureCredentials.create(azure.auth(), System::getenv, http));
        Optional<ArmApi> arm = rm.enabled()
                ? Optional.of(c.get(
                        ArmApi.class,
                        key("azure-arm/" + rm.resourceGroup()),
                        t -> new RestArmApi(rm, credential.get(), http)))
                : Optional.empty();
        Map<String, DumpStoreApi> dumps = new LinkedHashMap<>();
        for (DumpStoreConfig store : azure.dumps()) {
            dumps.put(
                    store.store(),
                    c.get(
                            DumpStoreApi.class,
                            key("azure-blob/" + store.store()),
                            t -> blobStore(store, credential, http)));
        }
        return new AzureClients(arm, dumps);
    }

    private static DumpStoreApi blobStore(
            DumpStoreConfig store, Supplier<TokenCredential> credential, HttpClient http) {
        try {
            return new BlobDumpStoreApi(
                    store, store.accountKeyFile().isEmpty() ? Optional.of(credential.get()) : Optional.empty(), http);
        } catch (IOException e) {
            log.warn(
                    "exporters.dr.azure: the account key file of dump store {} cannot be read ({}); the store is reported"
                            + " as access_denied",
                    store.store(),
                    e.getClass().getSimpleName());
            return () -> {
                throw new ExporterException(FailureReason.ACCESS_DENIED, "the account key file cannot be read");
            };
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
