package io.counterbench.counters;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** The padding policy (see package-info): line sizes, index arithmetic and the exact slot add. */
public final class Slots {
    /** Longs per 128-byte line: per-task caches, a counter's total and lock, per-CPU region padding. */
    public static final int STRIDE = 16;
    /** Longs per 64-byte tree item line, the kernel's cache-line-aligned item. */
    static final int ITEM_STRIDE = 8;
    /** Largest group of counters built together (adjacent slots of one arena chunk). */
    public static final int MAX_GROUP = 16;

    static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private Slots() {}

    /** An array of {@code lines} padded 128-byte lines, one spare line at each end. */
    static long[] lines(int lines) {
        return new long[(lines + 2) * STRIDE];
    }

    /** Index of word {@code k} of 128-byte line {@code line}. */
    static int index(int line, int k) {
        return (line + 1) * STRIDE + k;
    }

    /** An array of {@code lines} 64-byte item lines, one spare line at each end. */
    static long[] itemLines(int lines) {
        return new long[(lines + 2) * ITEM_STRIDE];
    }

    /** Index of the one word of 64-byte item line {@code line}. */
    static int itemIndex(int line) {
        return (line + 1) * ITEM_STRIDE;
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

    /** Adds word k of lines [0, lines) to {@code sum} (opaque reads). */
    static WideSum sumInto(WideSum sum, long[] a, int lines, int k) {
        for (int line = 0; line < lines; line++) {
            sum.add((long) LONGS.getOpaque(a, index(line, k)));
        }
        return sum;
    }
}
