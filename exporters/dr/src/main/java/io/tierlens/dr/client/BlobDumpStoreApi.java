package io.tierlens.dr.client;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.dr.DumpStoreConfig;
import io.tierlens.dr.model.DumpObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists a dump store with the Azure Storage Blob SDK: one flat listing of the prefix, names, last-modified times
 * and sizes only (no blob is read). The whole listing is bounded by the store's timeout and by {@link #MAX_OBJECTS}
 * (a container that grew without a lifecycle rule must not stall or swell a refresh).
 */
public final class BlobDumpStoreApi implements DumpStoreApi {
    static final int MAX_OBJECTS = 100_000;
    private static final int PAGE_SIZE = 5000;

    private final BlobContainerClient container;
    private final DumpStoreConfig config;

    /**
     * @param identity the Entra ID credential, used unless the store is configured with an account key file
     * @param http the HTTP client (the JDK's, through azure-core)
     */
    public BlobDumpStoreApi(DumpStoreConfig config, Optional<TokenCredential> identity, HttpClient http)
            throws IOException {
        this.config = config;
        int tryTimeout = (int) Math.max(1, config.timeout().toSeconds());
        BlobContainerClientBuilder b = new BlobContainerClientBuilder()
                .endpoint(config.accountUrl())
                .containerName(config.container())
                .httpClient(http)
                // one try per refresh: the next refresh is the retry, and a refresh must stay within its timeout
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, tryTimeout, null, null, null));
        if (!config.accountKeyFile().isEmpty()) {
            String key = Files.readString(Path.of(config.accountKeyFile()), StandardCharsets.UTF_8)
                    .strip();
            b.credential(new StorageSharedKeyCredential(config.accountName(), key));
        } else {
            b.credential(identity.orElseThrow(
                    () -> new IllegalStateException("dump store " + config.store() + " needs an Azure identity")));
        }
        this.container = b.buildClient();
    }

    @Override
    public List<DumpObject> list() throws ExporterException {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        List<DumpObject> out = new ArrayList<>();
        try {
            ListBlobsOptions options = new ListBlobsOptions().setMaxResultsPerPage(PAGE_SIZE);
            if (!config.prefix().isEmpty()) {
                options.setPrefix(config.prefix());
            }
            for (BlobItem item : container.listBlobs(options, config.timeout())) {
                if (System.nanoTime() > deadline) {
                    throw new ExporterException(
                            FailureReason.TIMEOUT,
                            "listing " + config.store() + " took longer than " + config.timeout());
                }
                if (out.size() >= MAX_OBJECTS) {
                    throw new ExporterException(
                            FailureReason.INVALID_RESPONSE,
                            "more than " + MAX_OBJECTS + " objects under the prefix of " + config.store()
                                    + ": narrow the prefix or add a lifecycle rule");
                }
                if (Boolean.TRUE.equals(item.isPrefix()) || item.getProperties() == null) {
                    continue;
                }
                var props = item.getProperties();
                if (props.getLastModified() == null || props.getContentLength() == null) {
                    continue;
                }
                out.add(new DumpObject(item.getName(), props.getLastModified().toInstant(), props.getContentLength()));
            }
        } catch (ExporterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExporterException(
                    AzureFailures.reason(e), "listing " + config.store() + " failed: " + AzureFailures.describe(e), e);
        }
        return out;
    }
}
