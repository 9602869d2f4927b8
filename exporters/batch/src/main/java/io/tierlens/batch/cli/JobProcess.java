package io.tierlens.batch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The wrapped command: started with our stdin, its stdout and stderr copied to ours as they arrive (chunk by
 * chunk, bytes unchanged), so {@code kubectl logs} shows the job's output live and in its own streams.
 */
final class JobProcess {
    private final Process process;
    private final Thread stdout;
    private final Thread stderr;

    private JobProcess(Process process, OutputStream out, OutputStream err) {
        this.process = process;
        this.stdout = pump(process.getInputStream(), out, "run-job-stdout");
        this.stderr = pump(process.getErrorStream(), err, "run-job-stderr");
    }

    /**
     * Starts {@code command} (no shell: the first element is the program, found on PATH).
     *
     * @throws IOException when the program does not exist or cannot be executed
     */
    static JobProcess start(List<String> command, OutputStream out, OutputStream err) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new JobProcess(p, out, err);
    }

    /** Waits for the command to end and for its output to be copied; returns its exit code. */
    int waitFor() throws InterruptedException {
        int code = process.waitFor();
        stdout.join();
        stderr.join();
        return code;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Asks the command to stop (SIGTERM), and kills it (SIGKILL) if it is still running after {@code grace}. */
    void terminate(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
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

    private static Thread pump(InputStream from, OutputStream to, String name) {
        Thread t = new Thread(new Pump(from, to), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Copies one stream; once our side is gone it keeps reading so the command never blocks on a full pipe. */
    private static final class Pump implements Runnable {
        private final InputStream from;
        private final OutputStream to;
        private boolean writable = true;

        Pump(InputStream from, OutputStream to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try (from) {
                int n;
                while ((n = from.read(buf)) >= 0) {
                    write(buf, n);
                }
            } catch (IOException e) {
                // The command's end closed abruptly (it was killed): what it wrote until then has been copied.
                writable = false;
            }
        }

        private void write(byte[] buf, int n) {
            if (!writable) {
                return;
            }
            try {
                to.write(buf, 0, n);
                to.flush();
            } catch (IOException e) {
                writable = false;
            }
        }
    }
}
