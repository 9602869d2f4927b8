package io.tierlens.dr;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.TargetStatus;
import io.tierlens.core.testing.MutableClock;
import io.tierlens.core.testing.Scraped;
import io.tierlens.dr.client.ArmApi;
import io.tierlens.dr.client.ArmThrottledException;
import io.tierlens.dr.client.AzureHttp;
import io.tierlens.dr.client.BlobDumpStoreApi;
import io.tierlens.dr.client.DnsResolver;
import io.tierlens.dr.client.DumpStoreApi;
import io.tierlens.dr.client.RecoveryEvidenceSource;
import io.tierlens.dr.collector.DumpCollector;
import io.tierlens.dr.collector.RecoveryCollector;
import io.tierlens.dr.collector.SiteResourceCollector;
import io.tierlens.dr.model.DumpObject;
import io.tierlens.dr.model.FailoverRole;
import io.tierlens.dr.model.SiteResource;
import io.tierlens.dr.model.SiteResourceKind;
import io.tierlens.dr.testing.AzuriteProcess;
import io.tierlens.dr.testing.FakeCloudWatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Azure side through a whole DR refresh: metrics, per-target health, last good data, throttling. */
class AzureSiteTest {
    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final String ARM_TARGET = "azure-arm/shop-dr";
    private static final String BLOB_TARGET = "azure-blob/mysql";

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger armCalls = new AtomicInteger();
    private volatile ExporterException armFailure;
    private final List<DumpObject> blobs = new ArrayList<>();
    private DrExporter exporter;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        if (exporter != null) {
            exporter.close();
        }
    }

    private final ArmApi arm = new ArmApi() {
        @Override
        public List<SiteResource> virtualMachines() throws ExporterException {
            armCalls.incrementAndGet();
            if (armFailure != null) {
                throw armFailure;
            }
            return List.of(new SiteResource(
                    SiteResourceKind.VIRTUAL_MACHINE,
                    "shop-dr-web",
                    "running",
                    "succeeded",
                    Optional.empty(),
                    true,
                    Optional.empty()));
        }

        @Override
        public List<SiteResource> mysqlServers() {
            return List.of(new SiteResource(
                    SiteResourceKind.MYSQL_FLEXIBLE_SERVER,
                    "shop-dr-db",
                    "stopped",
                    "unknown",
                    Optional.of("none"),
                    false,
                    Optional.of(NOW.minus(Duration.ofDays(7)))));
        }
    };

    private static DumpStoreConfig store(String url, String account, String keyFile) {
        return new DumpStoreConfig(
                "mysql",
                url,
                "dumps",
                "mysql/",
                "shop-\\d{8}\\.sql\\.gz",
                null,
                3,
                account,
                keyFile,
                Duration.ofSeconds(3));
    }

    private DrExporter exporter(DumpStoreConfig store, DumpStoreApi dumps) {
        AzureConfig azure = new AzureConfig(
                "dr",
                null,
                new ResourceManagerConfig(null, "8f3c2b1a-1111-2222-3333-444455556666", "shop-dr", null, null, null),
                List.of(store));
        DrConfig config = new DrConfig(
                true,
                null,
                Duration.ofMinutes(10),
                null,
                List.of(
                        new SiteConfig("aws", FailoverRole.PRIMARY, null, null, null, null, null),
                        new SiteConfig("dr", FailoverRole.SECONDARY, Duration.ofHours(24), null, null, null, null)),
                null,
                null,
                null,
                null,
                null,
                null,
                azure);
        DnsResolver noDns = (name, type) -> {
            throw new java.io.IOException("no DNS in this test");
        };
        DrExporter.Clients clients = new DrExporter.Clients(
                t -> {
                    throw new AssertionError("no AWS account in this test");
                },
                noDns,
                p -> {
                    throw new AssertionError("no probe in this test");
                },
                RecoveryEvidenceSource.NONE,
                new AzureClients(Optional.of(arm), Map.of("mysql", dumps)));
        exporter = new DrExporter(config, List.of(), clients, new FakeCloudWatch().planner(clock), clock);
        return exporter;
    }

    private static double value(MetricSnapshots m, String name, String... labels) {
        return Scraped.value(m, name, labels).orElseThrow(() -> new AssertionError("no " + name));
    }

    private static TargetStatus status(RefreshResult r, String target) {
        return r.targets().stream()
                .filter(t -> t.target().equals(target))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void reportsReadinessTheNewestDumpAndTheRpoItProves() throws Exception {
        for (int day = 1; day <= 4; day++) {
            blobs.add(new DumpObject(
                    "mysql/shop-2026120" + day + ".sql.gz", Instant.parse("2026-12-0" + day + "T02:10:00Z"), 1000));
        }
        blobs.add(new DumpObject("mysql/shop-20261205.sql.gz", Instant.parse("2026-12-05T02:10:00Z"), 400));

        RefreshResult r = exporter(store("https://shopdr.blob.core.windows.net", "", ""), () -> List.copyOf(blobs))
                .refresh();
        MetricSnapshots m = r.data();

        assertThat(value(m, SiteResourceCollector.UP, "site", "dr", "kind", "virtual_machine", "name", "shop-dr-web"))
                .isEqualTo(1);
        assertThat(value(
                        m,
                        SiteResourceCollector.UP,
                        "site",
                        "dr",
                        "kind",
                        "mysql_flexible_server",
                        "name",
                        "shop-dr-db"))
                .isZero();
        assertThat(value(
                        m,
                        SiteResourceCollector.INFO,
                        "name",
                        "shop-dr-db",
                        "state",
                        "stopped",
                        "replication_role",
                        "none"))
                .isEqualTo(1);
        assertThat(value(m, DumpCollector.NEWEST_TIMESTAMP, "site", "dr", "store", "mysql"))
                .isEqualTo(Instant.parse("2026-12-05T02:10:00Z").getEpochSecond());
        assertThat(value(m, DumpCollector.NEWEST_SIZE, "store", "mysql")).isEqualTo(400);
        assertThat(value(m, DumpCollector.OBJECTS, "store", "mysql")).isEqualTo(5);
        assertThat(value(m, DumpCollector.NEWEST_SIZE_RATIO, "store", "mysql")).isEqualTo(0.4);
        // measured RPO = now − the newest dump's arrival, from the storage itself
        assertThat(value(m, RecoveryCollector.RPO, "site", "dr"))
                .isEqualTo(Duration.ofMinutes(230).toSeconds());
        assertThat(status(r, ARM_TARGET).up()).isTrue();
        assertThat(status(r, BLOB_TARGET).up()).isTrue();
    }

    @Test
    void throttlingKeepsTheLastGoodStateAndWaitsForRetryAfter() throws Exception {
        DrExporter e = exporter(store("https://shopdr.blob.core.windows.net", "", ""), () -> List.copyOf(blobs));
        e.refresh();
        armFailure = new ArmThrottledException("ARM answered HTTP 429", Optional.of(Duration.ofSeconds(120)));

        clock.advance(Duration.ofSeconds(30));
        RefreshResult throttled = e.refresh();
        clock.advance(Duration.ofSeconds(60));
        RefreshResult waiting = e.refresh();
        int callsWhileWaiting = armCalls.get();
        clock.advance(Duration.ofSeconds(61));
        armFailure = null;
        RefreshResult again = e.refresh();

        assertThat(status(throttled, ARM_TARGET).reasons()).containsExactly(FailureReason.THROTTLED);
        assertThat(status(throttled, ARM_TARGET).dataTimestamp()).contains(NOW);
        assertThat(value(throttled.data(), SiteResourceCollector.UP, "name", "shop-dr-web"))
                .isEqualTo(1);
        assertThat(status(waiting, ARM_TARGET).reasons()).containsExactly(FailureReason.THROTTLED);
        assertThat(callsWhileWaiting)
                .as("no ARM request before Retry-After has passed")
                .isEqualTo(2);
        assertThat(armCalls.get()).isEqualTo(3);
        assertThat(status(again, ARM_TARGET).up()).isTrue();
    }

    @Test
    void deniedPastMaxStalenessDropsTheSeriesButNotTheTarget() throws Exception {
        DrExporter e = exporter(store("https://shopdr.blob.core.windows.net", "", ""), () -> List.copyOf(blobs));
        e.refresh();
        armFailure = new ExporterException(FailureReason.ACCESS_DENIED, "ARM answered HTTP 403 AuthorizationFailed");

        clock.advance(Duration.ofMinutes(11));
        RefreshResult r = e.refresh();

        assertThat(Scraped.value(r.data(), SiteResourceCollector.UP, "name", "shop-dr-web"))
                .isEmpty();
        assertThat(status(r, ARM_TARGET).reasons()).containsExactly(FailureReason.ACCESS_DENIED);
        assertThat(status(r, ARM_TARGET).dataTimestamp()).isEmpty();
    }

    @Test
    void azuriteGoingDownMakesTheStoreTargetDownAndKeepsTheNewestDump() throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, AzuriteProcess.KEY);
        try (AzuriteProcess azurite = AzuriteProcess.start()) {
            BlobContainerClient c = new BlobServiceClientBuilder()
                    .connectionString(azurite.connectionString())
                    .buildClient()
                    .getBlobContainerClient("dumps");
            c.create();
            c.getBlobClient("mysql/shop-20261205.sql.gz").upload(BinaryData.fromBytes(new byte[2048]));
            DumpStoreConfig store = store(azurite.blobEndpoint(), AzuriteProcess.ACCOUNT, key.toString());
            DrExporter e = exporter(
                    store,
                    new BlobDumpStoreApi(
                            store, Optional.empty(), AzureHttp.client(Duration.ofSeconds(3), Optional.empty())));
            clock.set(Instant.now());
            RefreshResult up = e.refresh();
            azurite.close();
            clock.advance(Duration.ofSeconds(30));
            RefreshResult down = e.refresh();

            assertThat(status(up, BLOB_TARGET).up()).isTrue();
            assertThat(value(up.data(), DumpCollector.NEWEST_SIZE, "store", "mysql"))
                    .isEqualTo(2048);
            assertThat(status(down, BLOB_TARGET).reasons()).containsExactly(FailureReason.UNREACHABLE);
            assertThat(status(down, BLOB_TARGET).dataTimestamp())
                    .isEqualTo(status(up, BLOB_TARGET).dataTimestamp());
            assertThat(value(down.data(), DumpCollector.NEWEST_SIZE, "store", "mysql"))
                    .isEqualTo(2048);
        }
    }
}
