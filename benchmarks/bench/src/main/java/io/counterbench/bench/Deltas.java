package io.counterbench.bench;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * A thread's pre-generated deltas, so that no random number generator runs in the measured
 * operation: a ring of 1024 (a power of two, so the index wraps with a mask) for each mix.
 * rssMix: +1 or -1 (map and unmap); random: uniform in [-1024, 1023] (batched frees and maps).
 */
@State(Scope.Thread)
public class Deltas {
    static final int SIZE = 1024;
    private static final int MASK = SIZE - 1;
    final long[] rss = new long[SIZE];
    final long[] random = new long[SIZE];
    private int i;

    @Setup(Level.Trial)
    public void setUp(ThreadParams tp) {
        SplittableRandom r = new SplittableRandom(0x9E3779B97F4A7C15L * (tp.getThreadIndex() + 1));
        for (int k = 0; k < SIZE; k++) {
            rss[k] = r.nextBoolean() ? 1 : -1;
            random[k] = r.nextLong(-1024, 1024);
        }
    }

    long nextRss() {
        int k = i = (i + 1) & MASK;
        return rss[k];
    }

    long nextRandom() {
        int k = i = (i + 1) & MASK;
        return random[k];
    }
}
