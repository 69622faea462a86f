package io.counterbench.counters;

import static io.counterbench.counters.Slots.LONGS;

/**
 * The lock of a percpu_counter ({@code fbc->lock}), in one word of a long array: 0 free, 1 held,
 * taken with an acquiring CAS and dropped with a releasing store (package-info, Accessors). Only
 * slow paths take it (a flush, a precise sum, set); a holder that the scheduler preempts (the
 * kernel disables interrupts, Java cannot) makes waiters yield after a short spin.
 */
final class FlushLock {
    private static final int SPINS_BEFORE_YIELD = 100;

    private FlushLock() {}

    static void lock(long[] a, int i) {
        if (!LONGS.weakCompareAndSetAcquire(a, i, 0L, 1L)) {
            contended(a, i);
        }
    }

    private static void contended(long[] a, int i) {
        int spins = 0;
        do {
            if ((long) LONGS.getOpaque(a, i) != 0L) {
                if (++spins < SPINS_BEFORE_YIELD) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
                continue;
            }
        } while (!LONGS.weakCompareAndSetAcquire(a, i, 0L, 1L));
    }

    static void unlock(long[] a, int i) {
        LONGS.setRelease(a, i, 0L);
    }
}
