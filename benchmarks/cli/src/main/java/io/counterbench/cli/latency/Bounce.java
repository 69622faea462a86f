package io.counterbench.cli.latency;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One cache line two threads bounce, and the loops that bounce it. The line is one long in the
 * middle of a 264-byte array: 128 bytes on each side are never written, so nothing else shares its
 * line (or the line beside it, which adjacent-line prefetchers pair with it).
 *
 * <p>The value counts moves: round trip k takes it from 2k to 2k+2. The side that times ("ping")
 * moves it to odd values, its partner ("pong") to even ones, so each side knows what to wait for
 * and a lost update would stall, not pass. Memory semantics: CAS is a volatile compare-and-set;
 * the store/load pair uses a release store and acquire loads (the cheapest pair that still orders
 * the handoff). No spin hint (Thread.onSpinWait) runs in the loops: a PAUSE would add its own
 * latency to every round trip.
 *
 * <p>Every {@value #CHECK_EVERY} failed spins a loop looks at the stop flag, so a partner that died
 * does not leave it spinning forever.
 */
final class Bounce {
    static final int PAD = 16;
    private static final VarHandle AT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int CHECK_EVERY = 1 << 20;

    private final long[] cells = new long[2 * PAD + 1];
    private final AtomicBoolean stop;

    Bounce(AtomicBoolean stop) {
        this.stop = stop;
    }

    /** The line's value (after both sides stopped). */
    long value() {
        return (long) AT.getVolatile(cells, PAD);
    }

    /** Ping's side of n CAS round trips starting at even {@code base}; returns the base after them. */
    long casPing(long base, long n) {
        long v = base;
        for (long i = 0; i < n; i++) {
            int spins = 0;
            while (!AT.compareAndSet(cells, PAD, v, v + 1)) {
                if (++spins == CHECK_EVERY) {
                    spins = 0;
                    stopped();
                }
            }
            v += 2;
        }
        return v;
    }

    /** Pong's side: answers n CAS round trips starting at even {@code base}. */
    long casPong(long base, long n) {
        long v = base + 1;
        for (long i = 0; i < n; i++) {
            int spins = 0;
            while (!AT.compareAndSet(cells, PAD, v, v + 1)) {
                if (++spins == CHECK_EVERY) {
                    spins = 0;
                    stopped();
                }
            }
            v += 2;
        }
        return v - 1;
    }

    /** Ping's side of n store/load round trips: release-store the odd value, wait for the even answer. */
    long storeLoadPing(long base, long n) {
        long v = base;
        for (long i = 0; i < n; i++) {
            AT.setRelease(cells, PAD, v + 1);
            int spins = 0;
            while ((long) AT.getAcquire(cells, PAD) != v + 2) {
                if (++spins == CHECK_EVERY) {
                    spins = 0;
                    stopped();
                }
            }
            v += 2;
        }
        return v;
    }

    /** Pong's side: wait for the odd value, answer with the next even one. */
    long storeLoadPong(long base, long n) {
        long v = base;
        for (long i = 0; i < n; i++) {
            int spins = 0;
            while ((long) AT.getAcquire(cells, PAD) != v + 1) {
                if (++spins == CHECK_EVERY) {
                    spins = 0;
                    stopped();
                }
            }
            AT.setRelease(cells, PAD, v + 2);
            v += 2;
        }
        return v;
    }

    private void stopped() {
        if (stop.get()) {
            throw new Stopped();
        }
    }

    /** The other side failed or the pair ran out of time. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }
}
