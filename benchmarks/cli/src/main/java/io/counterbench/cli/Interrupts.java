package io.counterbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a command does when SIGINT or SIGTERM stops the JVM: a shutdown hook that a command
 * installs before it creates its first file, and arms with what to keep as its work goes on
 * (first "remove the empty folder", then "mark run.json incomplete"). Closing it, in a finally,
 * removes the hook: a command that ended on its own, error or not, never prints "interrupted"
 * after its last line. One action at a time, run at most once: one writer per file.
 */
public final class Interrupts implements AutoCloseable {
    private final AtomicReference<Runnable> action = new AtomicReference<>();
    private final Thread hook;
    private volatile boolean fired;

    public Interrupts(String name) {
        hook = new Thread(
                () -> {
                    Runnable a = action.getAndSet(null);
                    if (a != null) {
                        fired = true;
                        a.run();
                    }
                },
                "counterbench-interrupt-" + name);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // a signal came while the JVM was still starting, before the command made anything: nothing to
            // keep, nothing to say; this thread waits for the JVM to end instead of going on to make files
            fired = true;
            quietIfFired();
        }
    }

    /** What to do on SIGINT/SIGTERM from now on (replaces the previous action). */
    public void on(Runnable what) {
        action.set(what);
    }

    /** Nothing to do on a signal any more (the command writes its last files itself). */
    public void off() {
        action.set(null);
    }

    /**
     * When a signal's action ran (or runs), the command's own thread says nothing more: it waits
     * here for the JVM to end, so no error line follows the interrupt's (one writer per file, stderr included).
     */
    public void quietIfFired() {
        if (fired) {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        off();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs (or ran) the action, if any was left
        }
    }

    /** An action for a folder created but not yet written: remove it when still empty, and say so. */
    public static Runnable removeIfEmpty(Path folder, PrintWriter err, String command) {
        return () -> {
            boolean removed;
            try {
                removed = Files.deleteIfExists(folder);
            } catch (java.io.IOException e) {
                removed = false;
            }
            err.println();
            err.println("error: interrupted before " + command + " measured anything"
                    + (removed ? "; its empty folder " + folder + " is removed" : "; nothing is kept in " + folder));
            err.flush();
        };
    }

    /**
     * Removes this JVM's HotSpot attach file (.attach_pidNNN, made in the working directory or /tmp
     * when JOL attaches to itself) at exit, so a footprint stopped by a signal leaves none behind.
     */
    static void cleanUpAttachFile() {
        String name = ".attach_pid" + ProcessHandle.current().pid();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (String dir : new String[] {
                                System.getProperty("user.dir"), System.getProperty("java.io.tmpdir"), "/tmp"
                            }) {
                                try {
                                    if (dir != null) {
                                        Files.deleteIfExists(Path.of(dir, name));
                                    }
                                } catch (java.io.IOException | RuntimeException ignored) {
                                    // not ours to worry about further
                                }
                            }
                        },
                        "counterbench-attach-cleanup"));
    }
}
