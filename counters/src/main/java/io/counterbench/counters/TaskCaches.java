package io.counterbench.counters;

import static io.counterbench.counters.Slots.LONGS;

import java.util.Arrays;

/**
 * The per-task caches of a {@code per-thread} counter: one padded 128-byte line per task, holding
 * the cached value, the events since the last flush and the largest |delta| seen. Allocated in
 * chunks of 8 tasks the first time a task of the chunk adds; chunks never move, so a growing table
 * loses no update. When {@code owned}, each task also records the thread that uses it: a task
 * belongs to one live thread at a time, and {@link #claim} refuses a second one (the caches are
 * written with plain arithmetic, so two threads on one cache would lose counts).
 */
final class TaskCaches {
    static final int CHUNK_BITS = 3;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final int VALUE = 0;
    static final int EVENTS = 1;
    static final int MAX_ABS = 2;

    private final String kind;
    private final int maxTasks;
    private final boolean owned;
    /**
     * Chunk table. Plain, not volatile: chunks never move and are allocated zeroed, so a stale table
     * only sends a task to the synchronized {@link #grow}; readers at quiescence are ordered after
     * the writers by whatever made them quiescent (a join, a latch).
     */
    private long[][] chunks = new long[1][];
    /** Owner of each task, by chunk (owned caches only); same growth rule as {@link #chunks}. */
    private Thread[][] owners = new Thread[1][];

    TaskCaches(String kind, int maxTasks, boolean owned) {
        this.kind = kind;
        this.maxTasks = maxTasks;
        this.owned = owned;
    }

    /** The chunk holding task {@code task}'s line; allocates it on first use. */
    long[] chunk(int task) {
        long[][] cs = chunks;
        int ci = task >>> CHUNK_BITS;
        if (ci < cs.length) {
            long[] c = cs[ci];
            if (c != null) {
                return c;
            }
        }
        return grow(task);
    }

    /** Index of the line of {@code task} in its chunk. */
    static int line(int task) {
        return Slots.index(task & (CHUNK - 1), 0);
    }

    /** Whether the calling thread owns {@code task} (after {@link #chunk} made its chunk exist). */
    boolean ownedByCaller(int task) {
        Thread[][] os = owners;
        int ci = task >>> CHUNK_BITS;
        return ci < os.length && os[ci] != null && os[ci][task & (CHUNK - 1)] == Thread.currentThread();
    }

    /**
     * Makes the calling thread the owner of {@code task}: when nobody owns it, or its owner has
     * ended (isAlive orders the owner's writes before ours). Refuses when another live thread owns it.
     */
    synchronized void claim(int task) {
        grow(task);
        Thread[] os = owners[task >>> CHUNK_BITS];
        int k = task & (CHUNK - 1);
        Thread owner = os[k];
        Thread me = Thread.currentThread();
        if (owner != null && owner != me && owner.isAlive()) {
            throw new IllegalStateException(kind + " " + task + " is in use by live thread '" + owner.getName()
                    + "': a task id belongs to one thread at a time");
        }
        os[k] = me;
    }

    private synchronized long[] grow(int task) {
        if (task < 0 || task >= maxTasks) {
            throw new IllegalArgumentException(kind + " " + task + " is outside 0-" + (maxTasks - 1));
        }
        int ci = task >>> CHUNK_BITS;
        long[][] cs = chunks;
        Thread[][] os = owners;
        if (ci >= cs.length) {
            int n = Math.max(ci + 1, cs.length * 2);
            cs = Arrays.copyOf(cs, n);
            os = Arrays.copyOf(os, n);
        }
        if (cs[ci] == null) {
            cs[ci] = Slots.lines(CHUNK);
            if (owned) {
                os[ci] = new Thread[CHUNK];
            }
        }
        owners = os;
        chunks = cs;
        return cs[ci];
    }

    /** Adds every task's cached value to {@code sum} (opaque reads). */
    void sumInto(WideSum sum) {
        for (long[] c : chunks) {
            if (c != null) {
                Slots.sumInto(sum, c, CHUNK, VALUE);
            }
        }
    }

    /** (threshold - 1) x the largest |delta| of each task, summed, saturating. */
    long bound(long threshold) {
        long bound = 0;
        for (long[] c : chunks) {
            if (c != null) {
                for (int t = 0; t < CHUNK; t++) {
                    long maxAbs = (long) LONGS.getOpaque(c, Slots.index(t, MAX_ABS));
                    bound = Sat.add(bound, Sat.mulNonNegative(threshold - 1, maxAbs));
                }
            }
        }
        return bound;
    }
}
