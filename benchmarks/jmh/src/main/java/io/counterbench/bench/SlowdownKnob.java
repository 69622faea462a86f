package io.counterbench.bench;

import java.util.Locale;

/**
 * The gate's calibration knob, inert unless the JVM was started with
 * {@code -Dcounterbench.slowdown=COUNTER:PERCENT[,COUNTER:PERCENT...]} (JMH forks inherit it):
 * then a writer's add to counter COUNTER also adds the same delta, in the same CPU mode, to a
 * second counter of the same kind whenever the writer's exact tally (which every writer keeps
 * anyway) is a multiple of the period: the power of two nearest to 100 / PERCENT (2% -> 64, so
 * 1.6% of the adds; 5% -> 16, 6.3%; 10% -> 8, 12.5%; 20% -> 4, 25%). The test is a mask on a value
 * already in a register, so the knob adds no per-add store and next to no cost of its own; its
 * measured effect is what the calibration reports. {@link #ON} is a static final: without the
 * property the JIT folds the check away, so the measured code is the same as without the knob.
 * ab sets the property with an empty value on the baseline side, so that both sides run the same
 * code and only the named counters do extra work.
 */
final class SlowdownKnob {
    static final String PROPERTY = "counterbench.slowdown";
    /** Whether the property is set at all (even empty). */
    static final boolean ON = System.getProperty(PROPERTY) != null;

    private SlowdownKnob() {
    }

    /** Every how many adds (a power of two) counter {@code id} does one extra add; 0 for never. */
    static int every(String id) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isBlank()) {
            return 0;
        }
        for (String part : spec.split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + spec + ": expected COUNTER:PERCENT[,...], e.g. tree:5");
            }
            if (part.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(id)) {
                double percent = Double.parseDouble(part.substring(colon + 1).strip());
                if (!(percent > 0 && percent <= 100)) {
                    throw new IllegalArgumentException("-D" + PROPERTY + "=" + spec + ": a percentage in (0, 100]");
                }
                return 1 << (int) Math.round(Math.log(100 / percent) / Math.log(2));
            }
        }
        return 0;
    }
}
