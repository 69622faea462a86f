package io.counterbench.counters;

/**
 * How far the cheap read may be from the precise value when updates are quiescent, with the HPCC
 * orientation: {@code precise - under <= approximate() <= precise + over}. Both are >= 0; exact
 * counters report (0, 0).
 */
public record Accuracy(long under, long over) {
    public static final Accuracy EXACT = new Accuracy(0, 0);

    public Accuracy {
        if (under < 0 || over < 0) {
            throw new IllegalArgumentException("accuracy bounds must be >= 0, got under=" + under + " over=" + over);
        }
    }

    /** Whether {@code approximate} is a value the counter may read when its precise value is {@code precise}. */
    public boolean admits(long approximate, long precise) {
        long dev = approximate - precise;
        return dev >= -under && dev <= over;
    }

    /** The larger side: the worst absolute deviation the bound allows. */
    public long worst() {
        return Math.max(under, over);
    }
}
