package io.tierlens.batch.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The wrapped command. Its stdin, stdout and stderr are ours (inherited, not copied): {@code kubectl logs} shows
 * its output live, in its own streams, bytes unchanged, and nothing is lost or held up when it exits or is killed
 * — a copying thread would race the JDK, which closes a process's pipes when it exits, and would wait for any
 * background process that keeps them open.
 */
final class JobProcess {
    private final Process process;

    private JobProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code command} (no shell: the first element is the program, found on PATH).
     *
     * @param stdout where its output goes: {@link ProcessBuilder.Redirect#INHERIT} in production
     * @param stderr where its errors go: {@link ProcessBuilder.Redirect#INHERIT} in production
     * @throws IOException when the program does not exist or cannot be executed
     */
    static JobProcess start(List<String> command, ProcessBuilder.Redirect stdout, ProcessBuilder.Redirect stderr)
            throws IOException {
        return new JobProcess(new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(stdout)
                .redirectError(stderr)
                .start());
    }

    /** Waits for the command to end; returns its exit code (128+N when a signal N ended it). */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Asks the command to stop (SIGTERM, to the command only: it decides how to stop what it started) and kills it
     * (SIGKILL) if it is still running after {@code grace}. Processes it started and left behind are killed then,
     * since nothing would wait for them any more.
     */
    void terminate(Duration grace) throws InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The exit code a shell would give for a program that cannot be started: 127 when it does not exist, 126 when
     * it exists but cannot be executed. The JDK reports both only through the message ({@code error=2},
     * {@code error=13}).
     */
    static int startFailureExitCode(IOException e) {
        String msg = String.valueOf(e.getMessage());
        return msg.contains("error=2,") || msg.contains("No such file") ? 127 : 126;
    }
}
