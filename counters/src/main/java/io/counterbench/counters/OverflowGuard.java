package io.counterbench.counters;

/** Rejects a delta that would take a library counter's current sum out of the long range. */
final class OverflowGuard {
    private OverflowGuard() {}

    static void check(long current, long delta) {
        long res = current + delta;
        if (((current ^ res) & (delta ^ res)) < 0) {
            throw new ArithmeticException("counter overflow: " + current + " + " + delta + " leaves the long range");
        }
    }
}
