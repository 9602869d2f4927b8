package io.tierlens.demo.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tierlens-demo demo --fault-file PATH}: reads {@code PATH} every second and applies it to {@link DemoFaults}
 * ({@link DemoFaults#parse} describes the lines). A missing or empty file means every source is up. A file that
 * cannot be parsed changes nothing and is reported once, so a half-written edit does not flap the sources.
 */
public final class FaultFile implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FaultFile.class);

    private final Path path;
    private final DemoFaults faults;
    private ScheduledExecutorService poller;
    private String lastProblem;

    public FaultFile(Path path, DemoFaults faults) {
        this.path = path;
        this.faults = faults;
    }

    /** Reads the file now and then every second. */
    public synchronized FaultFile start() {
        poll();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tierlens-demo-fault-file");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
        log.info("demo fault file {}: write aws=down or redis=down lines to take those sources away", path);
        return this;
    }

    /** Reads the file once and applies it; public for tests. */
    public synchronized void poll() {
        Set<DemoFaults.Source> down;
        try {
            down = DemoFaults.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            down = Set.of();
        } catch (IOException | IllegalArgumentException e) {
            String problem = e.getMessage();
            if (!problem.equals(lastProblem)) {
                log.warn("demo fault file {} ignored: {}", path, problem);
                lastProblem = problem;
            }
            return;
        }
        lastProblem = null;
        Set<DemoFaults.Source> before = faults.down();
        if (!before.equals(down)) {
            try {
                faults.setDown(down);
            } catch (RuntimeException e) {
                // a listener failed (e.g. redis-server would not restart): the next poll tries again
                log.warn("demo fault file {}: applying {} failed: {}", path, down, e.toString());
                return;
            }
            log.info("demo fault file {}: sources down now {} (before {})", path, down, before);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
