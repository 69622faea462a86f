package io.counterbench.bench;

import java.util.Locale;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The gate's calibration knob, inert unless the JVM was started with
 * {@code -Dcounterbench.slowdown=COUNTER:PERCENT[,COUNTER:PERCENT...]} (JMH forks inherit it):
 * then a writer of counter COUNTER, each time its exact tally (which every writer keeps anyway)
 * crosses a multiple of {@link #PERIOD} (2^14 adds of 1), busy-waits for PERCENT of the time it
 * spent since the previous wait (measured with System.nanoTime, capped at {@link #MAX_ELAPSED_NANOS}).
 * So the extra work is proportional by construction: PERCENT of whatever the writer's adds cost
 * in that fork, on that machine, and the slowdown it injects is PERCENT plus the knob's own cost
 * (three clock reads per 16384 adds, under 0.2% of LongAdder's add here), whatever the counter.
 * An earlier knob made an extra add to a second counter every 2^k adds; its measured effect was
 * not its nominal level (2% gave +5%, 10% +4.5%), because an add to a second counter brings its
 * own cache lines and branch misses.
 *
 * <p>{@link #ON} is a static final: without the property the JIT folds the check away, so the
 * measured code is the same as without the knob. ab sets the property with an empty value on the
 * baseline side, so that both sides run the same code and only the named counters wait.
 */
final class SlowdownKnob {
    static final String PROPERTY = "counterbench.slowdown";
    /** Whether the property is set at all (even empty). */
    static final boolean ON = System.getProperty(PROPERTY) != null;
    /** log2 of the number of adds (of 1) between two waits. */
    static final int PERIOD_SHIFT = 14;

    static final long PERIOD = 1L << PERIOD_SHIFT;
    /** A period longer than this (a writer descheduled, the pause between JMH iterations) counts as this long. */
    static final long MAX_ELAPSED_NANOS = 50_000_000L;

    private SlowdownKnob() {}

    /** The fraction of its own time counter {@code id} waits extra (0.05 for 5%); 0 for none. */
    static double fraction(String id) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isBlank()) {
            return 0;
        }
        for (String part : spec.split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "-D" + PROPERTY + "=" + spec + ": expected COUNTER:PERCENT[,...], e.g. tree:5");
            }
            if (part.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(id)) {
                double percent;
                try {
                    percent = Double.parseDouble(part.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("-D" + PROPERTY + "=" + spec + ": '"
                            + part.substring(colon + 1).strip() + "' is not a percentage");
                }
                if (!(percent > 0 && percent <= 100)) {
                    throw new IllegalArgumentException("-D" + PROPERTY + "=" + spec + ": a percentage in (0, 100]");
                }
                return percent / 100;
            }
        }
        return 0;
    }

    /**
     * Whether a tally that went from {@code before} to {@code after} crossed a multiple of {@link #PERIOD} (either
     * way).
     */
    static boolean crossed(long before, long after) {
        return ((before ^ after) >>> PERIOD_SHIFT) != 0;
    }

    /**
     * How long to wait after a period of {@code elapsed} ns: {@code fraction} of it, the period capped at {@link
     * #MAX_ELAPSED_NANOS}.
     */
    static long waitNanos(long elapsed, double fraction) {
        return (long) (Math.min(Math.max(elapsed, 0), MAX_ELAPSED_NANOS) * fraction);
    }

    /** Busy-waits for {@code fraction} of the time since {@code mark}; returns the new mark (the time it stopped). */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static long waitFor(long mark, double fraction) {
        long now = System.nanoTime();
        long until = now + waitNanos(now - mark, fraction);
        long t = now;
        while (t < until) {
            Thread.onSpinWait();
            t = System.nanoTime();
        }
        return t;
    }
}
