package io.counterbench.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.counterbench.topology.Topology;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writers released together by a latch, more of them than this machine has cores, each adding
 * random deltas through every add path (the caller's real CPU looked up, or read through its kept
 * CpuId handle, and an explicit random CPU with a task of its own) into two counters of one group, each keeping its own exact tally. After the
 * join, precise() equals the sum of the tallies and the approximation lies inside the bound.
 */
class ConcurrencyTest {
    /** Adds per case, over all threads and both counters. */
    private static final int TOTAL_OPS = 1_600_000;
    /** Explicit task ids far above any thread id, so they never meet add(delta)'s thread-id tasks. */
    private static final int TASK_BASE = 4_000_000;

    static Stream<Arguments> cases() {
        return Stream.of(CounterId.values())
                .flatMap(id ->
                        TestTopologies.all().flatMap(t -> IntStream.of(4, 8).mapToObj(n -> Arguments.of(id, t, n))));
    }

    /** Batch 2: nearly every add flushes or carries, so the shared totals and tree items see the most contention. */
    static Stream<Arguments> smallBatchCases() {
        return Stream.of(CounterId.FLAT, CounterId.PER_NODE, CounterId.PER_THREAD, CounterId.TREE, CounterId.TREE_TOPO)
                .flatMap(id -> IntStream.of(2, 8, 256)
                        .mapToObj(TestTopologies::of)
                        .flatMap(t -> IntStream.of(4, 8).mapToObj(n -> Arguments.of(id, t, n))));
    }

    @ParameterizedTest(name = "{0} on {1}, {2} threads")
    @MethodSource("cases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void preciseEqualsTheSumOfTallies(CounterId id, Topology t, int threads) throws InterruptedException {
        run(id.factory(t, 0), threads);
    }

    @ParameterizedTest(name = "{0} on {1}, {2} threads, batch 2")
    @MethodSource("smallBatchCases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void preciseEqualsTheSumOfTalliesWithBatchTwo(CounterId id, Topology t, int threads) throws InterruptedException {
        run(id.factory(t, 2), threads);
    }

    private static void run(CounterFactory f, int threads) throws InterruptedException {
        CounterId id = f.id();
        Topology t = f.topology();
        Counter[] counters = f.createGroup(2);
        int[] cpus = t.cpus();
        long[][] tallies = new long[threads][counters.length];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        int opsPerThread = TOTAL_OPS / threads;
        for (int w = 0; w < threads; w++) {
            int index = w;
            workers[w] = Thread.ofPlatform().name("writer-" + w).start(() -> {
                SplittableRandom r = new SplittableRandom(id.ordinal() * 1_000_003L + t.puCount() * 31L + index);
                int task = TASK_BASE + index;
                long[] tally = tallies[index];
                CpuId handle = CpuId.ofCurrentThread();
                try {
                    start.await();
                    for (int op = 0; op < opsPerThread; op++) {
                        int k = r.nextInt(8) == 0 ? 1 : 0;
                        int kind = r.nextInt(20);
                        long delta = kind < 9 ? 1 : kind < 18 ? -1 : r.nextLong(-50_000, 50_001);
                        int path = r.nextInt(3);
                        if (path == 0) {
                            counters[k].add(delta);
                        } else if (path == 1) {
                            counters[k].add(handle, delta);
                        } else {
                            counters[k].add(cpus[r.nextInt(cpus.length)], task, delta);
                        }
                        tally[k] += delta;
                        if ((op & 4095) == 0) {
                            // give the other writers a turn mid-stream: more interleavings on few cores
                            Thread.yield();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        // a reader in flight: reads must not fail while the writers run (values are not checked here)
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = Thread.ofPlatform().name("reader").start(() -> {
            try {
                start.await();
                while (!done.get()) {
                    for (Counter c : counters) {
                        c.approximate();
                        c.precise();
                        c.accuracy();
                    }
                    Thread.yield();
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        done.set(true);
        reader.join();
        assertNull(failure.get(), () -> "a writer or the reader failed: " + failure.get());
        for (int k = 0; k < counters.length; k++) {
            long total = 0;
            for (long[] tally : tallies) {
                total += tally[k];
            }
            Counter c = counters[k];
            assertEquals(total, c.precise(), "counter " + k);
            long approx = c.approximate();
            long expected = total;
            assertTrue(
                    c.accuracy().admits(approx, total),
                    () -> "approximate " + approx + " outside " + c.accuracy() + " of " + expected);
            assertEquals(0, c.preciseCompare(total));
            assertEquals(0, c.approximateCompare(total));
        }
    }
}
