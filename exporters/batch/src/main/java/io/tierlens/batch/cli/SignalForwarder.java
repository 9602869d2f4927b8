package io.tierlens.batch.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Passes SIGTERM (a pod being deleted), SIGINT (Ctrl-C) and SIGHUP (a closed terminal) on to the job as the same
 * signal, kills the job if it is still running a grace period after the first one, and remembers that the run was
 * interrupted: whatever the job then returns (a TERM trap that cleans up and exits 0 is common), the run is
 * recorded and exited as {@code 128 + signal}.
 *
 * <p>Why {@code sun.misc.Signal} (module jdk.unsupported): the JDK has no public API to handle a signal. Without a
 * handler the JVM treats all three as "run the shutdown hooks and halt", so the job would only ever get TERM and
 * run-job's exit code would be the JVM's 143/130/129 while the main thread pushed something else. jstack, jcmd
 * and most JVM-based CLIs handle INT/TERM/HUP the same way. With a handler the JVM keeps running: the main thread
 * waits for the job, pushes, and exits with the code it pushed.
 */
final class SignalForwarder implements AutoCloseable {
    static final List<String> FORWARDED = List.of("TERM", "INT", "HUP");

    private final Duration grace;
    private final PrintStream messages;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-job-grace");
        t.setDaemon(true);
        return t;
    });
    private JobProcess process;
    private Signal received;
    private ScheduledFuture<?> pendingKill;
    private boolean detached;

    SignalForwarder(Duration grace, PrintStream messages) {
        this.grace = grace;
        this.messages = messages;
        for (String name : FORWARDED) {
            Signal signal = new Signal(name);
            try {
                previous.put(signal, Signal.handle(signal, this::onSignal));
            } catch (IllegalArgumentException e) {
                // -Xrs, or a signal the VM reserves on this platform: it then ends run-job as before
                messages.println("tierlens run-job: cannot handle SIG" + name + " (" + e.getMessage()
                        + "); it will not be passed to the job");
            }
        }
    }

    /** Exit code for a run ended by {@code signal}, as a shell reports it. */
    static int exitCode(Signal signal) {
        return 128 + signal.getNumber();
    }

    /** A signal received before the job started: then it is not started at all. */
    synchronized Optional<Signal> received() {
        return Optional.ofNullable(received);
    }

    /** The job to pass signals to; a signal that came while it was starting is passed on now. */
    synchronized void attach(JobProcess p) {
        process = p;
        if (received != null) {
            forward(received);
        }
    }

    /**
     * The job has ended: no more forwarding. Returns the signal that interrupted it, if any; what that signal left
     * running is killed.
     */
    synchronized Optional<Signal> detach() {
        detached = true;
        if (pendingKill != null) {
            pendingKill.cancel(false);
        }
        if (received != null && process != null) {
            process.killLeftovers();
        }
        return Optional.ofNullable(received);
    }

    private synchronized void onSignal(Signal signal) {
        if (detached) {
            // the job had already ended: its own exit code stands, and is what is being pushed
            return;
        }
        if (received == null) {
            received = signal;
        }
        if (process != null) {
            forward(signal);
        }
    }

    private void forward(Signal signal) {
        if (!process.signal(signal.getName())) {
            messages.println("tierlens run-job: could not send SIG" + signal.getName() + " to the job; sent SIGTERM");
        }
        if (pendingKill == null) {
            pendingKill = killer.schedule(this::killAfterGrace, grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void killAfterGrace() {
        if (!detached) {
            messages.println("tierlens run-job: the job was still running " + grace.toSeconds() + "s after SIG"
                    + received.getName() + "; killing it (SIGKILL)");
            process.kill();
        }
    }

    /** Gives the signals back to the JVM (shutdown hooks and exit), as after any other program's end. */
    @Override
    public void close() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException e) {
                // it could be set before, so it can be set back; nothing to report if not
            }
        });
        killer.shutdownNow();
    }
}
