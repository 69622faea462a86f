package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * per-thread's two task spaces: add(delta) uses the thread's dense index, add(cpu, task, delta) the
 * explicit id; they never share a cache, and an explicit id belongs to one live thread at a time.
 */
class PerThreadTasksTest {
    private static final Topology T8 = TestTopologies.of(8);

    /**
     * Thread A leaves 63 events in its cache; then the main thread adds once with the explicit task
     * id that A's thread id maps to. Separate caches: nothing is flushed. (A shared cache would see
     * its 64th event and flush A's 63 into the total, and two live threads writing one cache with
     * plain arithmetic lose counts.)
     */
    @Test
    void anExplicitTaskNeverSharesAThreadsCache() throws InterruptedException {
        Counter c = CounterId.PER_THREAD.create(T8);
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread a = Thread.ofPlatform().name("adder-a").start(() -> {
            for (int i = 0; i < 63; i++) {
                c.add(1);
            }
            added.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        added.await();
        int alias = (int) (a.threadId() & ((1 << 22) - 1));
        c.add(0, alias, 1);
        assertEquals(0, c.approximate(), "task " + alias + " must not be thread " + a.threadId() + "'s cache");
        assertEquals(64, c.precise());
        assertEquals(new Accuracy(63 * 2, 63 * 2), c.accuracy(), "two tasks, each |delta| 1");
        done.countDown();
        a.join();
    }

    @Test
    void aTaskHeldByALiveThreadIsRefusedToAnother() throws InterruptedException {
        Counter c = CounterId.PER_THREAD.create(T8);
        c.add(0, 5, 10);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread other = Thread.ofPlatform().name("intruder").start(() -> {
            try {
                c.add(1, 5, 1);
            } catch (Throwable e) {
                seen.set(e);
            }
        });
        other.join();
        assertInstanceOf(IllegalStateException.class, seen.get(), "task 5 belongs to the live main thread");
        assertTrue(seen.get().getMessage().contains("task 5"), seen.get().getMessage());
        assertEquals(10, c.precise(), "the refused add changed nothing");
    }

    @Test
    void aTaskOfAThreadThatEndedPassesToTheNextWithItsCounts() throws InterruptedException {
        Counter c = CounterId.PER_THREAD.create(T8);
        Thread first = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 63; i++) {
                c.add(2, 6, 1);
            }
        });
        first.join();
        // the main thread takes task 6 over: its next event is the cache's 64th and flushes all 64
        c.add(1, 6, 1);
        assertEquals(64, c.approximate());
        assertEquals(64, c.precise());
    }
}
