package io.counterbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * JMH's machine-wide lock (java.io.tmpdir/jmh.lock), held by run and ab for their whole length:
 * a second measurement started meanwhile waits for the first, saying so, up to --lock-wait
 * minutes, then stops with one line, instead of failing every row with JMH's "Unable to acquire
 * the JMH lock". The JMH instances a holder starts are told to skip the lock (jmh.ignoreLock).
 */
public final class JmhLock implements AutoCloseable {
    static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");

    /** The flag of the commands that measure. */
    public static final class Wait {
        @Option(
                names = "--lock-wait",
                paramLabel = "MINUTES",
                description = "When another benchmark run (run, ab or any JMH) holds JMH's "
                        + "lock, wait this long for it, then stop with a message; 0 does not wait (default: "
                        + "${DEFAULT-VALUE}).")
        double minutes = 30;

        /** The value checked before anything runs (a dry run included). */
        public double check() {
            if (!(minutes >= 0) || minutes > 7 * 24 * 60) {
                throw new UsageException("--lock-wait " + minutes + ": minutes, 0 (do not wait) to 10080 (a week)");
            }
            return minutes;
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private JmhLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits for the lock (a line when it must wait, a dot of progress every minute); a UsageException when
     * the wait is over.
     */
    public static JmhLock acquire(double minutes, PrintWriter err) {
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            return new JmhLock(null, null); // JMH's own switch: the user runs several at once on purpose
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // no lock file possible (a read-only tmp): JMH cannot lock either and says so itself
            return new JmhLock(null, null);
        }
        long deadline = System.nanoTime() + (long) (minutes * 60e9);
        boolean said = false;
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException sameJvm) {
                    l = null;
                }
                if (l != null) {
                    if (said) {
                        err.println("the other benchmark run finished; going on");
                        err.flush();
                    }
                    return new JmhLock(ch, l);
                }
                if (System.nanoTime() >= deadline) {
                    ch.close();
                    throw new UsageException(String.format(
                            Locale.ROOT,
                            "another benchmark run holds JMH's lock %s%s; nothing was run "
                                    + "(--lock-wait MINUTES waits longer)",
                            FILE,
                            minutes > 0 ? " after waiting " + minutes + " min" : ""));
                }
                if (!said) {
                    err.println("another benchmark run (run, ab or JMH) holds JMH's lock " + FILE + ": waiting up to "
                            + (minutes >= 1
                                    ? String.format(Locale.ROOT, "%.0f min", minutes)
                                    : String.format(Locale.ROOT, "%.0f s", minutes * 60))
                            + " for it to finish (two measurements at once disturb each other)...");
                    err.flush();
                    said = true;
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            return new JmhLock(null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while waiting for JMH's lock " + FILE);
        }
    }

    /**
     * Lets the JMH of this JVM run while this lock is held: JMH reads jmh.ignoreLock once, when its
     * Runner class starts; when that happened earlier without it (only in tests that ran JMH before),
     * the lock is given back and JMH takes it per benchmark as usual.
     */
    JmhLock forInProcessJmh() {
        if (lock == null || !lock.isValid()) {
            return this;
        }
        System.setProperty("jmh.ignoreLock", "true");
        boolean ignored;
        try {
            Class<?> runner = Class.forName("org.openjdk.jmh.runner.Runner", true, JmhLock.class.getClassLoader());
            java.lang.reflect.Field f = runner.getDeclaredField("JMH_LOCK_IGNORE");
            f.setAccessible(true);
            ignored = Boolean.TRUE.equals(f.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            ignored = false;
        }
        if (!ignored) {
            close();
        }
        return this;
    }

    /** Whether this process holds the lock (its JMH hosts must then skip it). */
    boolean held() {
        return lock != null && lock.isValid();
    }

    @Override
    public void close() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the file descriptor anyway
        }
    }
}
