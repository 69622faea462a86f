package io.counterbench.cli.watch;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * A Java agent for the JVMs the suite starts (JMH hosts and forks, Maven builds): a daemon thread
 * that ends this JVM when the process that started the measurement is gone, SIGKILL included,
 * so that no JVM outlives its parent to write into a dead folder or disturb later measurements.
 * {@code -javaagent:parent-watch.jar=PID}: PID is the process to outlive by at most ~0.25 s
 * (ProcessHandle compares its start time, so a reused pid is not mistaken for it). Only java.base:
 * the agent jar holds this class alone and loads nothing of the version being measured.
 */
public final class ParentWatch {
    static final long POLL_MILLIS = 250;
    /** The exit status of a JVM ended by the watch: 128 + SIGKILL's 9, as if the parent's death had taken it along. */
    static final int STATUS = 137;

    private ParentWatch() {}

    public static void premain(String args, Instrumentation inst) {
        start(args);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args);
    }

    static void start(String args) {
        Optional<ProcessHandle> parent;
        try {
            parent = args == null || args.isBlank()
                    ? ProcessHandle.current().parent()
                    : ProcessHandle.of(Long.parseLong(args.strip()));
        } catch (NumberFormatException e) {
            return; // not a pid: watch nothing rather than stop a JVM by mistake
        }
        if (parent.isEmpty() || !alive(parent.get())) {
            Runtime.getRuntime().halt(STATUS);
        }
        ProcessHandle p = parent.get();
        Thread t = new Thread(
                () -> {
                    while (true) {
                        try {
                            Thread.sleep(POLL_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (!alive(p)) {
                            Runtime.getRuntime().halt(STATUS);
                        }
                    }
                },
                "counterbench-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Alive and not a zombie: a killed parent stays a zombie until its own parent reaps it, and is gone for
     * us already.
     */
    static boolean alive(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat =
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(p.pid()), "stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return p.isAlive(); // no /proc (not Linux) or the process just went: ask again
        }
    }
}
