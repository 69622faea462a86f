package io.counterbench.cli;

import io.counterbench.cli.env.Environment;
import io.counterbench.cli.latency.LatencyMeasurement;
import io.counterbench.results.latency.LatencyJson;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.util.Json;
import io.counterbench.results.util.Progress;
import io.counterbench.results.util.RunFolders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One latency measurement under SIGINT/SIGTERM handling: an interrupted run keeps the pairs
 * finished so far in latency.json (status incomplete), written once, by the handler or not at all.
 */
final class LatencySession {
    private final LatencyMeasurement m;
    private final boolean named;
    private final Path root;
    private final Instant started;
    private final PrintWriter err;
    private final AtomicBoolean kept = new AtomicBoolean();

    /**
     * @param named the folder was given (--out): latency.json goes into {@code root} itself, else into a new run folder
     */
    LatencySession(LatencyMeasurement m, boolean named, Path root, Instant started, PrintWriter err) {
        this.m = m;
        this.named = named;
        this.root = root;
        this.started = started;
        this.err = err;
    }

    /** Measures every pair; an interrupt keeps what was measured and ends the process. */
    LatencyRun measure(Progress progress) {
        try (Interrupts interrupts = new Interrupts("latency")) {
            interrupts.on(this::keepPartial);
            LatencyRun run = m.run(RunFolders.hostName(), cpuModel(), progress);
            if (!kept.compareAndSet(false, true)) { // one writer: a signal's handler kept the pairs so far
                interrupts.quietIfFired();
            }
            interrupts.off();
            return run;
        }
    }

    /** On SIGINT/SIGTERM: latency.json with the pairs finished so far, marked incomplete (none before a pair). */
    private void keepPartial() {
        if (!kept.compareAndSet(false, true)) {
            return;
        }
        LatencyRun partial = m.soFar("interrupted (SIGINT/SIGTERM)");
        err.println();
        try {
            if (partial == null) {
                err.println("interrupted: latency stopped before its first pair finished; nothing is kept");
                return;
            }
            Path file = RunFolders.newFile(named ? root : RunFolders.create(root, started), LatencyJson.FILE);
            Json.write(file, LatencyJson.of(partial));
            err.println(partial.reason() + "; they are kept in " + file + " (status incomplete)");
        } catch (RuntimeException e) {
            err.println("error: interrupted, and the pairs so far are lost: " + e.getMessage());
        } finally {
            err.flush();
        }
    }

    private static String cpuModel() {
        try {
            String m = Environment.capture().cpuModel();
            return m == null || m.equals("n/a") ? "" : m;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
