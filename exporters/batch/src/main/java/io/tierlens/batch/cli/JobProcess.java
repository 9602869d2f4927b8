package io.tierlens.batch.cli;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The wrapped command. Its stdin, stdout and stderr are ours (inherited, not copied): {@code kubectl logs} shows
 * its output live, in its own streams, bytes unchanged, and nothing is lost or held up when it exits or is killed
 * — a copying thread would race the JDK, which closes a process's pipes when it exits, and would wait for any
 * background process that keeps them open.
 */
final class JobProcess {
    private final Process process;
    private final Set<ProcessHandle> started = ConcurrentHashMap.newKeySet();

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

    /**
     * Sends the signal run-job received ({@code TERM}, {@code INT}, {@code HUP}) to the command only: it decides
     * how to stop what it started. ProcessHandle can send only TERM ({@code destroy}) and KILL, so the others go
     * through the shell's {@code kill} builtin ({@code sh} is in every image with a JRE; a {@code kill} program is
     * not: on Debian and Ubuntu it comes with procps). What the command has started by now is remembered for
     * {@link #killLeftovers()}.
     *
     * @return false when the signal could not be sent (no shell); TERM is sent instead then
     */
    boolean signal(String name) {
        started.addAll(process.descendants().toList());
        if ("TERM".equals(name)) {
            process.destroy();
            return true;
        }
        try {
            Process kill = new ProcessBuilder("sh", "-c", "kill -s \"$0\" \"$1\"", name, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return true;
            }
            kill.destroyForcibly();
        } catch (IOException e) {
            // no shell in this image: TERM still asks the job to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        return false;
    }

    /** SIGKILL, when the command is still running after the grace period. */
    void kill() {
        started.addAll(process.descendants().toList());
        process.destroyForcibly();
    }

    /**
     * Kills what the command had started when it was signalled and left behind: nothing would wait for it any
     * more, and it may hold the job's output open.
     */
    void killLeftovers() {
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
