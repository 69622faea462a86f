package io.counterbench.run;

import java.io.PrintWriter;
import java.time.Duration;

/** Progress lines with an ETA that corrects the plan's estimate by how fast the run has actually gone. */
public final class Progress {
    private final PrintWriter err;
    private final double planned;
    private final long startNanos = System.nanoTime();
    private double estimatedDone;

    Progress(PrintWriter err, double plannedSeconds) {
        this.err = err;
        this.planned = plannedSeconds;
    }

    void starting(PlanEntry e, int total) {
        err.printf("[%3d/%d] %s elapsed, ETA %s | %s%n", e.index() + 1, total, format(elapsed()), format(remaining()), e.label());
        err.flush();
    }

    void finished(PlanEntry e, String outcome) {
        estimatedDone += e.estimateSeconds();
        err.printf("        %s%n", outcome);
        err.flush();
    }

    double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Remaining planned seconds, scaled by actual/estimated time so far. */
    double remaining() {
        double left = planned - estimatedDone;
        double scale = estimatedDone > 0 ? elapsed() / estimatedDone : 1.0;
        return Math.max(0, left * Math.min(Math.max(scale, 0.5), 3.0));
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
