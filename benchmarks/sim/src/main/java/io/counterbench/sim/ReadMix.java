package io.counterbench.sim;

import java.util.Locale;

/**
 * The reads of a read/update mix (the simulator's counterpart of JMH's MixBenchmark): every task
 * reads the counter itself after every {@code updatesPerRead} of its own adds, on the CPU it is on.
 *
 * @param kind the read, or null for none (every operation an add)
 * @param updatesPerRead adds of one task between two of its reads (0 with no reads)
 */
public record ReadMix(Kind kind, long updatesPerRead) {
    /** Adds only. */
    public static final ReadMix NONE = new ReadMix(null, 0);

    /** The two reads: the cheap one and the exact one. */
    public enum Kind {
        APPROXIMATE,
        PRECISE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown read '" + text + "' (known: approximate, precise)");
        }
    }

    public ReadMix {
        if (kind != null && updatesPerRead < 1) {
            throw new IllegalArgumentException("updates per read must be at least 1, got " + updatesPerRead);
        }
    }

    public boolean any() {
        return kind != null;
    }

    /** "approximate every 1,000 updates", "no reads". */
    public String label() {
        return kind == null
                ? "no reads"
                : (kind == Kind.APPROXIMATE ? "an " : "a ") + kind.label() + " read every "
                        + Units.count(updatesPerRead) + (updatesPerRead == 1 ? " update" : " updates");
    }
}
