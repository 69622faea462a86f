package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.counterbench.topology.Affinity;
import io.counterbench.topology.Rseq;
import io.counterbench.topology.Topology;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CPU handle: right on its own thread, right (only slower) on any other, on a virtual thread,
 * after its thread died; counters give exact results through it.
 */
class CpuIdTest {
    private int[] original;

    @BeforeEach
    void save() {
        original = Affinity.allowedCpus();
    }

    @AfterEach
    void restore() {
        Affinity.unpin(original);
    }

    @Test
    void handleReadsRseqOnItsOwnThread() {
        assumeTrue(Rseq.unavailableReason() == null, () -> "rseq unavailable: " + Rseq.unavailableReason());
        CpuId h = CpuId.ofCurrentThread();
        assertEquals("rseq cpu_id", h.lookup());
        assertTrue(h.readsRseqHere());
        for (int cpu : original) {
            Affinity.pin(cpu);
            assertEquals(cpu, h.cpu());
            assertEquals(cpu, CpuId.current());
        }
    }

    /** A handle used on another thread answers for that thread, not for its owner. */
    @Test
    void handleUsedOnAnotherThreadAnswersForThatThread() throws Exception {
        assumeTrue(original.length >= 2, "needs two CPUs to tell the threads apart");
        Affinity.pin(original[0]);
        CpuId mine = CpuId.ofCurrentThread();
        AtomicInteger seen = new AtomicInteger(-1);
        AtomicReference<Boolean> readsRseq = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            Affinity.pin(original[1]);
            seen.set(mine.cpu());
            readsRseq.set(mine.readsRseqHere());
        });
        t.join();
        assertEquals(
                original[1], seen.get(), "the other thread runs on " + original[1] + "; the owner on " + original[0]);
        assertFalse(readsRseq.get(), "another thread must not read the owner's rseq area");
        assertEquals(original[0], mine.cpu(), "still right on its own thread");
    }

    @Test
    void handleOfADeadThreadIsSafeToUse() throws Exception {
        AtomicReference<CpuId> made = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> made.set(CpuId.ofCurrentThread()));
        t.join();
        for (int cpu : original) {
            Affinity.pin(cpu);
            for (int i = 0; i < 1000; i++) {
                assertEquals(cpu, made.get().cpu());
            }
        }
    }

    @Test
    void virtualThreadsFallBackToSchedGetcpu() throws Exception {
        AtomicReference<CpuId> made = new AtomicReference<>();
        AtomicInteger cpu = new AtomicInteger(-1);
        AtomicInteger current = new AtomicInteger(-1);
        Thread.ofVirtual()
                .start(() -> {
                    made.set(CpuId.ofCurrentThread());
                    cpu.set(made.get().cpu());
                    current.set(CpuId.current());
                })
                .join();
        assertTrue(made.get().lookup().startsWith("sched_getcpu"), made.get().lookup());
        assertTrue(Arrays.binarySearch(original, cpu.get()) >= 0, "cpu " + cpu.get());
        assertTrue(Arrays.binarySearch(original, current.get()) >= 0, "current " + current.get());
    }

    @Test
    void cpuWithinFoldsIntoASmallerCounter() {
        Affinity.pin(original[original.length - 1]);
        CpuId h = CpuId.ofCurrentThread();
        assertEquals(original[original.length - 1] % 1, h.cpuWithin(1));
        int cpu = original[original.length - 1];
        assertEquals(cpu, h.cpuWithin(cpu + 1));
    }

    /** per-thread: a kept handle adds into the same cache as add(delta) on that thread (the thread's dense index). */
    @Test
    void perThreadHandleUsesTheThreadsOwnCache() throws Exception {
        AtomicReference<Long> approx = new AtomicReference<>();
        AtomicReference<Long> precise = new AtomicReference<>();
        Counter c = CounterId.PER_THREAD.create(TestTopologies.of(2));
        Thread t = Thread.ofPlatform().start(() -> {
            CpuId h = CpuId.ofCurrentThread();
            for (int i = 0; i < 40; i++) {
                c.add(h, 1);
                c.add(1);
            }
            approx.set(c.approximate());
            precise.set(c.precise());
        });
        t.join();
        assertEquals(80L, precise.get());
        assertEquals(
                64L, approx.get(), "one cache of 80 events flushed at the 64th; two caches of 40 would flush nothing");
    }

    static Stream<CounterId> ids() {
        return Stream.of(CounterId.values());
    }

    /**
     * Writers that each share one handle made by the main thread (misuse) and use their own: every
     * counter still sums exactly, on a topology smaller than the machine too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void countersAreExactThroughHandlesOwnedOrNot(CounterId id) throws Exception {
        for (Topology t : new Topology[] {TestTopologies.of(1), TestTopologies.of(Math.max(2, original.length))}) {
            Counter c = id.create(t);
            CpuId foreign = CpuId.ofCurrentThread();
            int threads = 4;
            int perThread = 50_000;
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] ws = new Thread[threads];
            for (int w = 0; w < threads; w++) {
                int index = w;
                ws[w] = Thread.ofPlatform().start(() -> {
                    try {
                        CpuId own = CpuId.ofCurrentThread();
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            c.add((i & 1) == 0 ? own : foreign, (index & 1) == 0 ? 1 : 3);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            start.countDown();
            for (Thread w : ws) {
                w.join();
            }
            assertNull(failure.get());
            long expected = (long) perThread * (threads / 2) * (1 + 3);
            assertEquals(expected, c.precise(), id + " on " + t.puCount() + " CPUs");
            assertTrue(c.accuracy().admits(c.approximate(), expected));
        }
    }
}
