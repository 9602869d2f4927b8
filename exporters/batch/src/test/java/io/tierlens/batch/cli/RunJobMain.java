package io.tierlens.batch.cli;

import picocli.CommandLine;

/** {@code run-job} as its own JVM, for the tests that signal it the way Kubernetes signals a pod. */
public final class RunJobMain {
    private RunJobMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunJobCommand()).execute(args));
    }
}
