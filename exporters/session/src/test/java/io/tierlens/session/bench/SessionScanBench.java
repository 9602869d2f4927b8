package io.tierlens.session.bench;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.session.RedisConfig;
import io.tierlens.session.SessionConfig;
import io.tierlens.session.SessionExporter;
import io.tierlens.session.client.RedisNode;
import io.tierlens.session.client.SessionStoreFactory;
import io.tierlens.session.model.RedisInfo;
import io.tierlens.session.testing.SpringSessionWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * The tierlens side of {@code bench/session/run.sh}: optionally loads indexed-layout sessions, then runs the session
 * exporter on its production schedule (default config: refresh 15 s, SCAN pass every 45 s) against a real Redis
 * with the production code (Jedis store, default pacing) and prints, per cycle: wall time, Redis CPU (INFO cpu delta), PING p50/p99/max during the cycle (the peer kit's ping_latency.py,
 * run as a separate process), /metrics latency idle and during the cycle (a scrape every 20 ms), and this JVM's RSS.
 *
 * <pre>
 * SessionScanBench --address 127.0.0.1:6390 [--replica 127.0.0.1:6391] [--minutes 1] [--ping-script .../ping_latency.py]
 * SessionScanBench --address 127.0.0.1:6390 --load-indexed 1000000 [--store minute|zset]
 * </pre>
 */
public final class SessionScanBench {

    public static void main(String[] args) throws Exception {
        String address = arg(args, "--address", "127.0.0.1:6390");
        double minutes = Double.parseDouble(arg(args, "--minutes", "1"));
        int loadIndexed = Integer.parseInt(arg(args, "--load-indexed", "0"));
        String store = arg(args, "--store", "minute");
        String pingScript = arg(args, "--ping-script", "");
        RedisNode node = RedisNode.parse(address);
        if (loadIndexed > 0) {
            loadIndexed(node, loadIndexed, "zset".equals(store));
            return;
        }
        String replica = arg(args, "--replica", "");
        RedisConfig redis = RedisConfig.standalone(address);
        SessionConfig config =
                SessionConfig.defaults().withRedis(replica.isEmpty() ? redis : redis.withReplica(replica));
        String count = arg(args, "--count", "");
        String pause = arg(args, "--pause-ms", "");
        if (!count.isEmpty() || !pause.isEmpty()) {
            // to explore pacing; the published figures use the defaults
            config = config.withScan(new io.tierlens.session.ScanConfig(
                    count.isEmpty() ? null : Integer.valueOf(count),
                    pause.isEmpty() ? null : Duration.ofMillis(Long.parseLong(pause)),
                    null,
                    null,
                    null));
        }
        int cycles = (int) Math.round(minutes * 60 / config.refresh().toSeconds()) + 1;
        AtomicReference<MetricSnapshots> served = new AtomicReference<>(MetricSnapshots.of());
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register((MultiCollector) served::get);
        try (HTTPServer http = HTTPServer.builder().port(0).registry(registry).buildAndStart();
                RedisClient info = client(node);
                RedisClient replicaInfo = replica.isEmpty() ? null : client(RedisNode.parse(replica))) {
            Schedule s = new Schedule(config, node, info, replicaInfo, served, http.getPort());
            // Phase 1, Redis CPU: the production schedule for `minutes`, nothing else talking to Redis (like the peer
            // kit's measure.sh, whose CPU figures have no PING traffic in them either).
            try (SessionExporter exporter = new SessionExporter(config, Clock.systemUTC(), SessionStoreFactory.JEDIS)) {
                s.run("cpu", exporter, cycles, null, false);
            }
            s.summarizeCpu();
            if (!pingScript.isEmpty()) {
                // Phase 2, latency: a fresh exporter (so its first cycle starts a SCAN pass) with the peer kit's
                // ping_latency.py on the primary for as long as the pass is expected to take, until the pass has
                // completed and one ordinary cycle followed.
                try (SessionExporter exporter =
                        new SessionExporter(config, Clock.systemUTC(), SessionStoreFactory.JEDIS)) {
                    s.run("latency", exporter, cycles, pingScript, true);
                }
            }
            // /metrics latency with no refresh running (warm JVM), to compare with the figures during the cycles
            Sampler idle = Sampler.start("metrics", () -> scrape(http.getPort()));
            Thread.sleep(2000);
            List<Double> idleScrapes = idle.stop();
            System.out.printf(
                    Locale.ROOT,
                    "[tierlens idle] metrics_p50_ms=%.3f metrics_p99_ms=%.3f scrapes=%d%n",
                    pct(idleScrapes, 0.5),
                    pct(idleScrapes, 0.99),
                    idleScrapes.size());
            System.out.printf(Locale.ROOT, "[tierlens] exporter_rss_kb=%d%n", rssKb());
        }
    }

    private static RedisClient client(RedisNode node) {
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(node.host(), node.port()))
                .build();
    }

    /**
     * Refreshes on the production schedule: one every {@code refresh} (15 s); the plain layout's SCAN pass starts
     * every scan.interval (45 s), an indexed layout's principal-index pass in the first cycle (then every
     * principals_interval); a pass longer than scan.time_budget continues in the next cycle.
     */
    private static final class Schedule {
        private final SessionConfig config;
        private final RedisNode node;
        private final RedisClient info;
        private final RedisClient replicaInfo;
        private final AtomicReference<MetricSnapshots> served;
        private final int port;
        private final List<Double> passCpus = new ArrayList<>();
        private final List<Double> ordinaryCpu = new ArrayList<>();
        private double estPass;
        private String layout = "-";

        Schedule(
                SessionConfig config,
                RedisNode node,
                RedisClient info,
                RedisClient replicaInfo,
                AtomicReference<MetricSnapshots> served,
                int port) {
            this.config = config;
            this.node = node;
            this.info = info;
            this.replicaInfo = replicaInfo;
            this.served = served;
            this.port = port;
            this.estPass = config.scan().timeBudget().toMillis() / 1000.0;
        }

        void run(String phase, SessionExporter exporter, int cycles, String pingScript, boolean stopAfterPass)
                throws Exception {
            long period = config.refresh().toNanos();
            double budget = config.scan().timeBudget().toMillis() / 1000.0;
            long startNanos = System.nanoTime();
            long lastPassStart = Long.MIN_VALUE / 2;
            boolean continuing = false;
            boolean passDone = false;
            double passWall = 0;
            double passCpu = 0;
            double passReplicaCpu = 0;
            String passPing = "-";
            for (int c = 1; c <= cycles; c++) {
                long due = startNanos + (c - 1) * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                boolean starts = !continuing
                        && (c == 1
                                || ("plain".equals(layout)
                                        && System.nanoTime() - lastPassStart
                                                >= config.scan().interval().toNanos() - 1_000_000_000L));
                double window = continuing ? Math.max(0.5, estPass - budget) : starts ? Math.min(estPass, budget) : 0.5;
                double cpu0 = cpu(info);
                double rcpu0 = replicaInfo == null ? 0 : cpu(replicaInfo);
                Process ping = pingScript == null
                        ? null
                        : new ProcessBuilder(
                                        "python3",
                                        pingScript,
                                        node.host(),
                                        Integer.toString(node.port()),
                                        String.format(Locale.ROOT, "%.2f", window))
                                .redirectErrorStream(true)
                                .start();
                Sampler scrape = Sampler.start("metrics", () -> scrape(port));
                long t0 = System.nanoTime();
                RefreshResult r = exporter.refresh();
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = cpu(info) - cpu0;
                double rcpu = replicaInfo == null ? 0 : cpu(replicaInfo) - rcpu0;
                List<Double> scrapes = scrape.stop();
                String pings = ping == null
                        ? "-"
                        : new String(ping.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                served.set(r.data());
                String text = render(r.data());
                layout = value(text, "tierlens_session_store_info\\{layout=\"([a-z_]+)\"");
                String examined = value(text, "tierlens_session_scan_keys_examined\\{[^}]*\\} ([0-9.E]+)");
                boolean scanned = !examined.equals("-") && Double.parseDouble(examined) > 0;
                boolean truncated = "1.0".equals(value(text, "tierlens_session_scan_truncated\\{[^}]*\\} ([0-9.E]+)"));
                System.out.printf(
                        Locale.ROOT,
                        "[tierlens %s cycle %d%s] layout=%s wall_seconds=%.3f redis_cpu_seconds=%.3f%s active=%s"
                                + " principals=%s count_age_seconds=%.1f truncated=%s keys_examined=%s%s"
                                + " metrics_p50_ms=%.3f metrics_p99_ms=%.3f scrapes=%d failures=%s%n",
                        phase,
                        c,
                        scanned ? (continuing ? " SCAN continues" : " SCAN starts") : "",
                        layout,
                        wall,
                        cpu,
                        replicaInfo == null ? "" : String.format(Locale.ROOT, " replica_cpu_seconds=%.3f", rcpu),
                        value(text, "tierlens_session_active\\{[^}]*\\} ([0-9.E]+)"),
                        value(text, "tierlens_session_principals\\{[^}]*\\} ([0-9.E]+)"),
                        Duration.between(r.dataTimestamp(), Instant.now()).toMillis() / 1000.0,
                        truncated ? "1" : "0",
                        examined,
                        ping == null
                                ? ""
                                : String.format(Locale.ROOT, " [ping on primary, %.2fs window] %s", window, pings),
                        pct(scrapes, 0.5),
                        pct(scrapes, 0.99),
                        scrapes.size(),
                        r.partialFailures());
                if (scanned) {
                    if (!continuing) {
                        lastPassStart = t0;
                        passWall = 0;
                        passCpu = 0;
                        passReplicaCpu = 0;
                        passPing = pings;
                    }
                    passWall += wall;
                    passCpu += cpu;
                    passReplicaCpu += rcpu;
                    continuing = truncated;
                    if (!truncated) {
                        passDone = true;
                        estPass = passWall;
                        if (pingScript == null) {
                            passCpus.add(passCpu);
                        }
                        System.out.printf(
                                Locale.ROOT,
                                "[tierlens %s SCAN pass] layout=%s wall_seconds=%.3f redis_cpu_seconds=%.3f%s%s%n",
                                phase,
                                layout,
                                passWall,
                                passCpu,
                                replicaInfo == null
                                        ? ""
                                        : String.format(Locale.ROOT, " replica_cpu_seconds=%.3f", passReplicaCpu),
                                pingScript == null ? "" : " ping on primary while it started: " + passPing);
                    }
                } else {
                    if (pingScript == null) {
                        ordinaryCpu.add(cpu);
                    }
                    if (stopAfterPass && passDone) {
                        return;
                    }
                }
            }
        }

        void summarizeCpu() {
            double passes = 60.0
                    / ("plain".equals(layout)
                            ? config.scan().interval().toSeconds()
                            : config.principalsInterval().toSeconds());
            double ordinary = 60.0 / config.refresh().toSeconds() - passes;
            System.out.printf(
                    Locale.ROOT,
                    "[tierlens] scan=count %d pause %s; redis_cpu_seconds_per_minute=%.3f on the primary in the long"
                            + " run (%.3f SCAN passes/min x %.3f s + %.2f ordinary cycles/min x %.4f s)%n",
                    config.scan().count(),
                    config.scan().pause(),
                    passes * mean(passCpus) + ordinary * mean(ordinaryCpu),
                    passes,
                    mean(passCpus),
                    ordinary,
                    mean(ordinaryCpu));
        }
    }

    /** Writes {@code n} sessions exactly as RedisIndexedSessionRepository does (and 1 principal per 2 sessions). */
    private static void loadIndexed(RedisNode node, int n, boolean sortedSet) {
        long t0 = System.nanoTime();
        Random random = new Random(42);
        try (RedisClient redis = RedisClient.builder()
                .hostAndPort(new HostAndPort(node.host(), node.port()))
                .build()) {
            SpringSessionWriter w = new SpringSessionWriter(
                    redis,
                    "spring:session",
                    sortedSet
                            ? SpringSessionWriter.Store.INDEXED_SORTED_SET
                            : SpringSessionWriter.Store.INDEXED_MINUTE);
            Instant now = Instant.now();
            AbstractPipeline p = redis.pipelined();
            for (int i = 0; i < n; i++) {
                // created in the last 30 minutes, last request in the last 10: nothing expires during the bench,
                // so the true count is exactly n
                Instant created = now.minusMillis(random.nextInt(1_800_000));
                Instant last = now.minusMillis(random.nextInt(600_000));
                if (last.isBefore(created)) {
                    last = created;
                }
                w.create(
                        p,
                        new SpringSessionWriter.Session(
                                new UUID(random.nextLong(), random.nextLong()).toString(),
                                created,
                                last,
                                Duration.ofMinutes(30),
                                Optional.of("user-" + (i / 2))));
                if (i % 2000 == 1999) {
                    p.sync();
                    p.close();
                    p = redis.pipelined();
                }
            }
            p.sync();
            p.close();
        }
        System.out.printf(
                Locale.ROOT,
                "[load] %d indexed (%s) sessions in %.1f s%n",
                n,
                sortedSet ? "sorted set" : "minute buckets",
                (System.nanoTime() - t0) / 1e9);
    }

    /** Runs a probe every 20 ms on its own thread and records its latency in ms. */
    private static final class Sampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        private Thread thread;

        interface Probe {
            void run() throws Exception;
        }

        static Sampler start(String name, Probe probe) {
            Sampler s = new Sampler();
            s.thread = new Thread(
                    () -> {
                        while (s.running.get()) {
                            long t = System.nanoTime();
                            try {
                                probe.run();
                                s.ms.add((System.nanoTime() - t) / 1e6);
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            } catch (Exception e) {
                                throw new IllegalStateException(name + " probe failed", e);
                            }
                        }
                    },
                    "bench-" + name);
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        List<Double> stop() throws InterruptedException {
            running.set(false);
            thread.join();
            List<Double> out = new ArrayList<>(ms);
            Collections.sort(out);
            return out;
        }
    }

    /**
     * One GET /metrics on a fresh connection with TCP_NODELAY, like curl or Prometheus. (The JDK HttpClient's
     * keep-alive connection meets delayed ACKs and adds a constant 40 ms that has nothing to do with the exporter.)
     */
    private static void scrape(int port) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            s.getOutputStream()
                    .write("GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            if (s.getInputStream().readAllBytes().length == 0) {
                throw new IllegalStateException("empty /metrics reply");
            }
        }
    }

    private static double cpu(RedisClient redis) {
        RedisInfo info = RedisInfo.parse(redis.info("cpu"));
        return info.decimal("used_cpu_sys").orElse(0)
                + info.decimal("used_cpu_user").orElse(0);
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double pct(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()));
        return sorted.get(i);
    }

    private static String value(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "-";
    }

    private static String render(MetricSnapshots s) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.create()
                .write(out, s, io.prometheus.metrics.config.EscapingScheme.UNDERSCORE_ESCAPING);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
