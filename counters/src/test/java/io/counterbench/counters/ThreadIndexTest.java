package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import org.junit.jupiter.api.Test;

/** Dense thread indices for per-thread's add(delta): recycled when their thread ends. */
class ThreadIndexTest {
    private static final Topology T8 = TestTopologies.of(8);

    /** Threads that end give their index back: 300 short-lived threads do not make 300 caches. */
    @Test
    void deadThreadsIndicesAreReused() throws InterruptedException {
        Counter c = CounterId.PER_THREAD.create(T8);
        int before = ThreadIndex.tableSize();
        for (int i = 0; i < 300; i++) {
            Thread t = Thread.ofPlatform().start(() -> c.add(1));
            t.join();
        }
        assertEquals(300, c.precise());
        assertTrue(
                c.accuracy().worst() <= 63L * ThreadIndex.tableSize(),
                c.accuracy().toString());
        int grown = ThreadIndex.tableSize() - before;
        assertTrue(grown <= 70, "the index table grew by " + grown + " for 300 threads that never overlapped");
    }

    @Test
    void liveThreadsNeverShareAnIndex() throws InterruptedException {
        int[] seen = new int[8];
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(seen.length);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread[] threads = new Thread[seen.length];
        for (int i = 0; i < seen.length; i++) {
            int me = i;
            threads[i] = Thread.ofPlatform().start(() -> {
                seen[me] = ThreadIndex.current();
                all.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        all.await();
        assertEquals(seen.length, java.util.Arrays.stream(seen).distinct().count(), java.util.Arrays.toString(seen));
        assertEquals(ThreadIndex.current(), ThreadIndex.current(), "stable for a thread");
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }
}
