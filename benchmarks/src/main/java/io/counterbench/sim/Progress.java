package io.counterbench.sim;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long run on stderr: percentage of the planned operations and an ETA, at most every
 * few seconds (a run shorter than that prints nothing). Single-threaded.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 3_000_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long planned;
    private long done;
    private long lastPrint = startNanos;
    private String phase = "";

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    static Progress silent() {
        return new Progress(null, false);
    }

    /** Adds operations to the plan (each scenario adds its own before it runs). */
    void plan(long ops) {
        planned += ops;
    }

    void phase(String name) {
        phase = name;
    }

    void advance(long ops) {
        done += ops;
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        double fraction = planned == 0 ? 0 : Math.min(0.99, (double) done / planned);
        double elapsed = (now - startNanos) / 1e9;
        String eta = fraction <= 0 ? "?" : String.format(Locale.ROOT, "%.0f s", elapsed * (1 - fraction) / fraction);
        err.printf(Locale.ROOT, "simulate: %3.0f%%  %s  (%.0f s elapsed, ETA %s)%n", fraction * 100, phase, elapsed, eta);
        err.flush();
    }
}
