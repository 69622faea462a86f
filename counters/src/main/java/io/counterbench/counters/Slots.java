package io.counterbench.counters;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** The padding policy (see package-info): 128-byte lines of 16 longs, one spare line at each end. */
public final class Slots {
    /** Longs per 128-byte line. */
    public static final int STRIDE = 16;
    /** Largest group of counters that can share per-CPU lines. */
    public static final int MAX_GROUP = STRIDE;
    static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private Slots() {
    }

    /** An array of {@code lines} padded lines. */
    static long[] lines(int lines) {
        return new long[(lines + 2) * STRIDE];
    }

    /** Index of word {@code k} of line {@code line}. */
    static int index(int line, int k) {
        return (line + 1) * STRIDE + k;
    }

    /** Adds atomically, undoing and throwing when the slot would leave the long range; returns the old value. */
    static long addExact(long[] a, int i, long delta) {
        long orig = (long) LONGS.getAndAdd(a, i, delta);
        long res = orig + delta;
        if (((orig ^ res) & (delta ^ res)) < 0) {
            LONGS.getAndAdd(a, i, -delta);
            throw new ArithmeticException("counter slot overflow: " + orig + " + " + delta + " leaves the long range");
        }
        return orig;
    }

    /** Exact sum of word k over lines [0, lines). */
    static long sum(long[] a, int lines, int k) {
        long s = 0;
        for (int line = 0; line < lines; line++) {
            s = Math.addExact(s, (long) LONGS.getOpaque(a, index(line, k)));
        }
        return s;
    }
}
