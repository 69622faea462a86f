package io.counterbench.bench;

import java.util.Locale;

/**
 * The gate's calibration knob, inert unless the JVM was started with
 * {@code -Dcounterbench.slowdown=COUNTER:PERCENT[,COUNTER:PERCENT...]} (JMH forks inherit it):
 * then a writer's add to counter COUNTER also adds, once every round(100 / PERCENT) adds, the
 * same delta in the same CPU mode to a second counter of the same kind, so the counter's add does
 * PERCENT% more work of its own kind (the op's measured slowdown is somewhat smaller: the JMH loop
 * and the tally are not slowed). {@link #ON} is a static final: without the property the JIT
 * folds the check away, so the measured code is the same as without the knob. ab sets the
 * property with an empty value on the baseline side, so that both sides run the same code and
 * only the named counters do extra work.
 */
final class SlowdownKnob {
    static final String PROPERTY = "counterbench.slowdown";
    /** Whether the property is set at all (even empty). */
    static final boolean ON = System.getProperty(PROPERTY) != null;

    private SlowdownKnob() {
    }

    /** Every how many adds counter {@code id} does one extra add; 0 for never. */
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
                return (int) Math.max(1, Math.round(100 / percent));
            }
        }
        return 0;
    }
}
