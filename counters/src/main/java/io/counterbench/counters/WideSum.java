package io.counterbench.counters;

/**
 * An exact sum of longs that may pass through values a long cannot hold: a wrapping 64-bit sum
 * plus the number of times it wrapped (the true value is {@code low + wraps x 2^64}). Partial sums
 * may leave the long range; only the final value must fit. Used by every precise sum and by set().
 */
final class WideSum {
    private long low;
    private long wraps;

    WideSum add(long x) {
        long r = low + x;
        if (x >= 0 ? r < low : r > low) {
            wraps += x >= 0 ? 1 : -1;
        }
        low = r;
        return this;
    }

    WideSum subtract(long x) {
        long r = low - x;
        if (x >= 0 ? r > low : r < low) {
            wraps -= x >= 0 ? 1 : -1;
        }
        low = r;
        return this;
    }

    /** {@code this - other}, exactly. */
    WideSum subtract(WideSum other) {
        subtract(other.low);
        wraps -= other.wraps;
        return this;
    }

    /** Whether the value fits in a long. */
    boolean fits() {
        return wraps == 0;
    }

    /** The value; throws when it does not fit in a long. */
    long exact() {
        if (wraps != 0) {
            throw new ArithmeticException("the exact sum " + describe() + " leaves the long range");
        }
        return low;
    }

    /** The value clamped to the long range. */
    long saturated() {
        return wraps == 0 ? low : wraps > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private String describe() {
        return java.math.BigInteger.valueOf(wraps)
                .shiftLeft(64)
                .add(java.math.BigInteger.valueOf(low))
                .toString();
    }
}
