package io.counterbench.counters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A dense index per live thread (0, 1, 2, ...), the task a thread is for {@code per-thread}'s
 * {@link Counter#add(long)}. Two live threads never share an index; the index of a thread that has
 * ended goes back to a free list and is given to a later thread, which then keeps using the caches
 * the dead thread left (their counts are not lost). Ended threads are found by
 * {@link Thread#isAlive()}, which also orders the dead thread's writes before the new owner's reads.
 * Finding them costs a scan of the indices in use, done only when no index is free and the table
 * has doubled since the last scan, so the table stays within twice the peak of live threads (+64).
 */
final class ThreadIndex {
    private static final ThreadLocal<Integer> INDEX = ThreadLocal.withInitial(ThreadIndex::claim);
    /** Guarded by ThreadIndex.class: holder of each index. */
    private static final List<Thread> HOLDERS = new ArrayList<>();

    private static final ArrayDeque<Integer> FREE = new ArrayDeque<>();
    private static int scanAt = 64;

    private ThreadIndex() {}

    /** The calling thread's index. */
    static int current() {
        return INDEX.get();
    }

    private static synchronized int claim() {
        Thread me = Thread.currentThread();
        if (FREE.isEmpty() && HOLDERS.size() >= scanAt) {
            int live = 0;
            for (int i = 0; i < HOLDERS.size(); i++) {
                Thread t = HOLDERS.get(i);
                if (t != null && !t.isAlive()) {
                    HOLDERS.set(i, null);
                    FREE.add(i);
                } else if (t != null) {
                    live++;
                }
            }
            scanAt = Math.max(64, 2 * (live + 1));
        }
        Integer free = FREE.poll();
        if (free != null) {
            HOLDERS.set(free, me);
            return free;
        }
        HOLDERS.add(me);
        return HOLDERS.size() - 1;
    }

    /** Indices handed out so far that are not free (for tests). */
    static synchronized int inUse() {
        return HOLDERS.size() - FREE.size();
    }

    /** Size of the index table (for tests): the highest index handed out, plus one. */
    static synchronized int tableSize() {
        return HOLDERS.size();
    }
}
