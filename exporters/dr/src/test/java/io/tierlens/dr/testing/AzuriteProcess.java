package io.tierlens.dr.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Azure Storage emulator: Azurite's Blob service ({@code azurite-blob}) on a free loopback port with a
 * temporary workspace, signed with Azurite's well-known development account. What a fresh machine lacks is installed
 * on first use: Node.js and npm from Debian (when running as root), then npm {@code azurite@3.35.0} (the last
 * version running on Node 18–20) into {@code ~/.cache/tierlens/azurite-3.35.0}, outside the repository.
 */
public final class AzuriteProcess implements AutoCloseable {
    public static final String VERSION = "3.35.0";
    /** Azurite's published development account (https://github.com/Azure/Azurite#default-storage-account). */
    public static final String ACCOUNT = "devstoreaccount1";

    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final Process process;
    private final Path workspace;
    private final int port;

    private AzuriteProcess(Process process, Path workspace, int port) {
        this.process = process;
        this.workspace = workspace;
        this.port = port;
    }

    public static AzuriteProcess start() throws IOException, InterruptedException {
        Path bin = install();
        Path workspace = Files.createTempDirectory("tierlens-azurite");
        int port = freePort();
        Process p = new ProcessBuilder(
                        bin.toString(),
                        "--blobHost",
                        "127.0.0.1",
                        "--blobPort",
                        Integer.toString(port),
                        "--location",
                        workspace.toString(),
                        "--skipApiVersionCheck",
                        "--loose",
                        "--silent")
                .redirectErrorStream(true)
                .redirectOutput(workspace.resolve("azurite.log").toFile())
                .start();
        AzuriteProcess a = new AzuriteProcess(p, workspace, port);
        a.awaitListening();
        return a;
    }

    /** The Blob endpoint in Azurite's path style: {@code http://127.0.0.1:<port>/devstoreaccount1}. */
    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint="
                + blobEndpoint() + ";";
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Azurite exited at start:\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        close();
        throw new AssertionError("Azurite did not listen within 30s:\n" + log());
    }

    public String log() {
        try {
            return Files.readString(workspace.resolve("azurite.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // the workspace holds the blobs the test uploaded: leave nothing behind in the temp directory
        try (var files = Files.walk(workspace)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }

    /** The {@code azurite-blob} launcher, installing Node/npm and Azurite first where missing. */
    static synchronized Path install() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "tierlens", "azurite-" + VERSION);
        Path bin = dir.resolve("node_modules/.bin/azurite-blob");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        if (onPath("npm") == null) {
            if (!"root".equals(System.getProperty("user.name"))) {
                throw new AssertionError(
                        "Node.js and npm are needed for the Azurite tests: apt-get install -y nodejs npm");
            }
            run(List.of("apt-get", "update", "-qq"), Duration.ofMinutes(5));
            run(
                    List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "nodejs", "npm"),
                    Duration.ofMinutes(10));
        }
        Files.createDirectories(dir);
        run(
                List.of(
                        onPath("npm") == null ? "npm" : onPath("npm"),
                        "install",
                        "--no-audit",
                        "--no-fund",
                        "--prefix",
                        dir.toString(),
                        "azurite@" + VERSION),
                Duration.ofMinutes(10));
        if (!Files.isExecutable(bin)) {
            throw new AssertionError("npm installed azurite@" + VERSION + " but " + bin + " is missing");
        }
        return bin;
    }

    private static void run(List<String> command, Duration limit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(
                    String.join(" ", command) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
    }

    private static String onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File f = new File(d, name);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
