package io.tierlens.app.launch;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The jar's Main-Class. {@code java -jar tierlens.jar ...} with no flags gets the JVM's defaults for a big machine
 * (G1, a heap of a quarter of the RAM starting at 1/64 of it): a few hundred MB of RSS for an exporter that needs
 * a hundred. When the user chose neither heap nor collector, this starts the same java again with
 * {@link JvmDefaults}, passes IO through, forwards the exit code and stops the child when it is stopped. When the
 * user did choose (the chart and the Dockerfile always do), or {@code TIERLENS_NO_RELAUNCH=1} is set, the main
 * class runs in this process.
 */
public final class Launcher {
    /** Set in the child's environment too, so that it never starts a grandchild. */
    public static final String NO_RELAUNCH = "TIERLENS_NO_RELAUNCH";

    private static final List<String> JAVA_OPTION_VARIABLES =
            List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    private static final long STOP_GRACE_SECONDS = 30;

    /** The main method to run in-process, so callers need no reflection. */
    @FunctionalInterface
    public interface Main {
        void main(String[] args) throws Exception;
    }

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        // by name: loading TierlensCli (and picocli) here would only slow the parent down
        relaunchOrRun("io.tierlens.app.TierlensCli", args, io.tierlens.app.TierlensCli::main);
    }

    /** {@link #relaunchOrRun(String, String[], Main, JvmDefaults)} with the exporter's defaults. */
    public static void relaunchOrRun(String mainClass, String[] args, Main inProcess) throws Exception {
        relaunchOrRun(mainClass, args, inProcess, JvmDefaults.exporter());
    }

    /**
     * Runs {@code mainClass} (a class name on this class path) in a child JVM started with {@code defaults} and exits with its exit code, or runs
     * {@code inProcess} here when the user chose JVM flags or disabled the relaunch.
     */
    public static void relaunchOrRun(String mainClass, String[] args, Main inProcess, JvmDefaults defaults)
            throws Exception {
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!shouldRelaunch(jvmArgs, System.getenv())) {
            inProcess.main(args);
            return;
        }
        List<String> command = childCommand(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                defaults.flags(memoryLimitBytes()),
                jvmArgs,
                System.getProperty("java.class.path"),
                mainClass,
                args);
        System.exit(runChild(command));
    }

    static boolean shouldRelaunch(List<String> jvmArgs, Map<String, String> env) {
        return !"1".equals(env.get(NO_RELAUNCH)) && !UserJvmFlags.choseHeapOrGc(jvmArgs, env);
    }

    /**
     * java, the defaults, the user's other JVM arguments (system properties, agents: they already include what
     * JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS added, which is why the child's environment drops those), the class
     * path, the main class and the arguments.
     */
    static List<String> childCommand(
            String java,
            List<String> defaults,
            List<String> userJvmArgs,
            String classPath,
            String mainClass,
            String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(defaults);
        cmd.addAll(userJvmArgs);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static int runChild(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        JAVA_OPTION_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().put(NO_RELAUNCH, "1");
        Process child = builder.start();
        // SIGTERM/SIGINT to this process (kubectl, systemd, a test's destroy()) runs the hooks: pass it on and wait
        // for the child's own orderly shutdown, so that the exit is the child's.
        Thread stopper = new Thread(() -> stop(child), "tierlens-launcher-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down because of a signal; the hook is running and ends with the child
        }
        return code;
    }

    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The memory this JVM may use: the container's limit inside a container (JDK 17 reads cgroups), else RAM. */
    static long memoryLimitBytes() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }
}
