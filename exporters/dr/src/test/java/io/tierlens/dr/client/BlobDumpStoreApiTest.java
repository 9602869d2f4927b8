package io.tierlens.dr.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.dr.DumpStoreConfig;
import io.tierlens.dr.discovery.DumpInventory;
import io.tierlens.dr.model.DumpObject;
import io.tierlens.dr.model.DumpStoreState;
import io.tierlens.dr.testing.AzuriteProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Blob side against a real storage emulator (Azurite), signed with its development account key. */
class BlobDumpStoreApiTest {
    private static AzuriteProcess azurite;

    @TempDir
    static Path dir;

    private static Path keyFile;

    @BeforeAll
    static void start() throws Exception {
        azurite = AzuriteProcess.start();
        keyFile = dir.resolve("account.key");
        Files.writeString(keyFile, AzuriteProcess.KEY + "\n");
        BlobContainerClient dumps = container("dumps");
        dumps.create();
        // a week of full dumps, then tonight's, cut short; a stray file and another prefix beside them
        for (int day = 1; day <= 4; day++) {
            upload(dumps, "mysql/shop-2026120" + day + ".sql.gz", 10_000 + day);
        }
        upload(dumps, "mysql/shop-20261205.sql.gz", 1_200);
        upload(dumps, "mysql/README.txt", 50);
        upload(dumps, "postgres/other-20261206.sql.gz", 99_999);
        container("empty").create();
    }

    @AfterAll
    static void stop() throws Exception {
        if (azurite != null) {
            azurite.close();
        }
    }

    private static BlobContainerClient container(String name) {
        return new BlobServiceClientBuilder()
                .connectionString(azurite.connectionString())
                .buildClient()
                .getBlobContainerClient(name);
    }

    private static void upload(BlobContainerClient c, String name, int size) {
        c.getBlobClient(name).upload(BinaryData.fromBytes(new byte[size]), true);
    }

    private static DumpStoreConfig store(String container, String prefix, String key) {
        return new DumpStoreConfig(
                "mysql",
                azurite.blobEndpoint(),
                container,
                prefix,
                "shop-\\d{8}\\.sql\\.gz",
                null,
                null,
                AzuriteProcess.ACCOUNT,
                key,
                Duration.ofSeconds(5));
    }

    private static BlobDumpStoreApi api(DumpStoreConfig c) throws Exception {
        return new BlobDumpStoreApi(c, Optional.empty(), AzureHttp.client(Duration.ofSeconds(5), Optional.empty()));
    }

    @Test
    void listsOnlyThePrefixWithNamesTimesAndSizes() throws Exception {
        List<DumpObject> listed =
                api(store("dumps", "mysql/", keyFile.toString())).list();

        assertThat(listed)
                .extracting(DumpObject::name)
                .containsExactlyInAnyOrder(
                        "mysql/shop-20261201.sql.gz",
                        "mysql/shop-20261202.sql.gz",
                        "mysql/shop-20261203.sql.gz",
                        "mysql/shop-20261204.sql.gz",
                        "mysql/shop-20261205.sql.gz",
                        "mysql/README.txt");
        assertThat(listed)
                .filteredOn(o -> o.name().endsWith("1201.sql.gz"))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.sizeBytes()).isEqualTo(10_001);
                    assertThat(o.lastModified())
                            .isBetween(
                                    Instant.now().minusSeconds(120),
                                    Instant.now().plusSeconds(5));
                });
    }

    @Test
    void theNewestDumpIsFoundAndItsTruncationShows() throws Exception {
        DumpStoreConfig c = store("dumps", "mysql/", keyFile.toString());

        DumpStoreState s = DumpInventory.analyse("dr", c, api(c).list(), Instant.now());

        assertThat(s.newest()).map(DumpObject::name).contains("mysql/shop-20261205.sql.gz");
        assertThat(s.newest()).map(DumpObject::sizeBytes).contains(1_200L);
        assertThat(s.objectsInRetention()).isEqualTo(5);
        // median of 10_001..10_004 is 10_002.5: tonight's 1_200 bytes are 12 % of a normal dump
        assertThat(s.newestSizeRatio()).hasValueSatisfying(r -> assertThat(r).isBetween(0.11, 0.13));
    }

    @Test
    void anEmptyContainerHasNoNewestDump() throws Exception {
        DumpStoreConfig c = store("empty", "", keyFile.toString());

        DumpStoreState s = DumpInventory.analyse("dr", c, api(c).list(), Instant.now());

        assertThat(s.newest()).isEmpty();
        assertThat(s.objectsInRetention()).isZero();
        assertThat(s.newestSizeRatio()).isEmpty();
    }

    @Test
    void aWrongAccountKeyIsAccessDenied() throws Exception {
        Path wrong = dir.resolve("wrong.key");
        Files.writeString(wrong, AzuriteProcess.KEY.replace('E', 'F'));

        assertThatThrownBy(() -> api(store("dumps", "mysql/", wrong.toString())).list())
                .isInstanceOfSatisfying(ExporterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
                    assertThat(e.getMessage()).doesNotContain(AzuriteProcess.KEY.substring(0, 12));
                });
    }

    @Test
    void aMissingContainerIsARemoteError() throws Exception {
        assertThatThrownBy(() -> api(store("nope", "", keyFile.toString())).list())
                .isInstanceOfSatisfying(
                        ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.REMOTE_ERROR));
    }

    @Test
    void aStorageThatIsDownIsUnreachableWithinTheTimeout() throws Exception {
        DumpStoreConfig c = new DumpStoreConfig(
                "mysql",
                "http://127.0.0.1:" + AzuriteProcess.freePort() + "/" + AzuriteProcess.ACCOUNT,
                "dumps",
                null,
                null,
                null,
                null,
                AzuriteProcess.ACCOUNT,
                keyFile.toString(),
                Duration.ofSeconds(3));
        long start = System.nanoTime();

        assertThatThrownBy(() -> api(c).list())
                .isInstanceOfSatisfying(
                        ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.UNREACHABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aStorageThatAcceptsButNeverAnswersIsATimeoutWithinTheLimit() throws Exception {
        com.sun.net.httpserver.HttpServer hanging = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        hanging.createContext("/", ex -> {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        hanging.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        hanging.start();
        try {
            DumpStoreConfig c = new DumpStoreConfig(
                    "mysql",
                    "http://127.0.0.1:" + hanging.getAddress().getPort() + "/" + AzuriteProcess.ACCOUNT,
                    "dumps",
                    null,
                    null,
                    null,
                    null,
                    AzuriteProcess.ACCOUNT,
                    keyFile.toString(),
                    Duration.ofSeconds(2));
            long start = System.nanoTime();

            assertThatThrownBy(() -> api(c).list())
                    .isInstanceOfSatisfying(
                            ExporterException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        } finally {
            hanging.stop(0);
        }
    }

    @Test
    void aBusyStorageIsThrottled() throws Exception {
        com.sun.net.httpserver.HttpServer busy = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        busy.createContext("/", ex -> {
            byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>Ingress"
                            + " is over the account limit.</Message></Error>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("x-ms-error-code", "ServerBusy");
            ex.getResponseHeaders().add("Content-Type", "application/xml");
            ex.sendResponseHeaders(503, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        busy.start();
        try {
            DumpStoreConfig c = new DumpStoreConfig(
                    "mysql",
                    "http://127.0.0.1:" + busy.getAddress().getPort() + "/" + AzuriteProcess.ACCOUNT,
                    "dumps",
                    null,
                    null,
                    null,
                    null,
                    AzuriteProcess.ACCOUNT,
                    keyFile.toString(),
                    Duration.ofSeconds(3));

            assertThatThrownBy(() -> api(c).list()).isInstanceOfSatisfying(ExporterException.class, e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.THROTTLED);
                assertThat(e.getMessage()).contains("ServerBusy").doesNotContain("Ingress");
            });
        } finally {
            busy.stop(0);
        }
    }
}
