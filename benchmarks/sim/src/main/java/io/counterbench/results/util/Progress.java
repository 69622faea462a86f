package io.counterbench.results.util;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a long job on stderr (a run's plan entries, a simulation's operations, a soak's
 * seconds) with an ETA that corrects the plan by how fast the job has gone so far. Work is counted
 * in the caller's unit: planned seconds for a run, operations for a simulation. Not thread-safe.
 */
public final class Progress {
    private static final long INTERVAL_NANOS = 3_000_000_000L;

    private final PrintWriter err;
    private final String label;
    private final double secondsPerUnit;
    private final long startNanos = System.nanoTime();
    private double planned;
    private double done;
    private long lastTick = startNanos;
    private String phase = "";

    /**
     * @param err where lines go; null for silence
     * @param label what {@link #tick} lines start with ("simulate")
     * @param secondsPerUnit what one unit of work is expected to take (1 when units are planned
     *        seconds), or NaN when unknown: then the ETA waits for the first finished work
     */
    public Progress(PrintWriter err, String label, double secondsPerUnit) {
        this.err = err;
        this.label = label;
        this.secondsPerUnit = secondsPerUnit;
    }

    public static Progress silent() {
        return new Progress(null, "", Double.NaN);
    }

    /** Adds work to the plan. */
    public void plan(double units) {
        planned += units;
    }

    /** Names what is being done now, for {@link #tick}. */
    public void phase(String name) {
        phase = name;
    }

    /** Counts finished work. */
    public void advance(double units) {
        done += units;
    }

    /** Counts finished work and, at most every few seconds, prints "simulate: 42%  phase (12 s elapsed, ETA 0m16s)". */
    public void tick(double units) {
        advance(units);
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastTick < INTERVAL_NANOS) {
            return;
        }
        lastTick = now;
        double fraction = planned == 0 ? 0 : Math.min(0.99, done / planned);
        line(String.format(
                Locale.ROOT,
                "%s: %3.0f%%  %s  (%.0f s elapsed, ETA %s)",
                label,
                fraction * 100,
                phase,
                elapsed(),
                eta()));
    }

    /** Prints one line (nothing when silent). */
    public void line(String text) {
        if (err != null) {
            err.println(text);
            err.flush();
        }
    }

    public double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Seconds left: the work left at the pace so far. With an expected pace the observed one is
     * trusted only within 0.5 to 3 times it (one slow fork must not make the ETA absurd); without
     * one the ETA is NaN until some work is done.
     */
    public double remaining() {
        double left = Math.max(0, planned - done);
        double pace = done > 0 ? elapsed() / done : secondsPerUnit;
        if (!Double.isNaN(secondsPerUnit)) {
            pace = Math.min(Math.max(pace, 0.5 * secondsPerUnit), 3.0 * secondsPerUnit);
        }
        return left * pace;
    }

    /** {@link #remaining} formatted, "?" when unknown. */
    public String eta() {
        double r = remaining();
        return Double.isNaN(r) ? "?" : format(r);
    }

    /** A duration as 4m02s, or 2h05m past an hour. */
    public static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        if (d.toHours() > 0) {
            return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
        }
        return String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
