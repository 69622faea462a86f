package io.counterbench.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/*
 * What: one reader against n writers (+1 adds) on the same counter, every thread pinned. Three
 * groups: "approximate" and "precise" differ only in the read (the writers do exactly what
 * UpdateBenchmark's inc does), and "inflight" checks every approximate read against the window of
 * values the exact count could have had while it read: its writers also publish their tallies
 * after each add (a release store, so they pay more than the others' writers), the reader sums
 * them before (low) and after (high, plus one unpublished add per writer) its read, with a load
 * fence ordering the read before the second sum; accuracy.inflight.worst is the largest distance
 * of a read from that window. Reader and writer scores are separate secondary metrics (JMH's group
 * members); their sum, JMH's primary score, means nothing.
 *
 * Hypothesis: a writer pays the same as in UpdateBenchmark; the reader of approximate() stays at a
 * few ns (one line, which writers rarely dirty: carries and flushes only), while precise() pays
 * every CPU's line and slows writers by pulling their lines away. In-flight deviation stays
 * within the quiescent bound.
 *
 * Surprise would be: approximate() slowing with more writers for tree/flat, or an in-flight
 * deviation above the quiescent bound.
 *
 * Run just this: ./run-bench.sh run --benchmarks ReaderWriterBenchmark (JMH: -tg 1,n for n writers)
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(5)
public class ReaderWriterBenchmark {
    private static final int STRIDE = 16;
    private static final int MAX_WRITERS = 1024;
    private static final VarHandle TALLY = MethodHandles.arrayElementVarHandle(long[].class);

    /** Published per-writer tallies of the inflight group, one padded line each. */
    @State(Scope.Group)
    public static class Published {
        final long[] tallies = new long[(MAX_WRITERS + 2) * STRIDE];
        final AtomicInteger nextSlot = new AtomicInteger();
        int writers;

        @Setup(Level.Trial)
        public void setUp(ThreadParams tp) {
            writers = tp.getGroupThreadCount() - 1;
            if (writers >= MAX_WRITERS) {
                throw new IllegalArgumentException(writers + " writers: at most " + (MAX_WRITERS - 1));
            }
        }

        long sum() {
            long s = 0;
            for (int w = 0; w < writers; w++) {
                s += (long) TALLY.getAcquire(tallies, (w + 1) * STRIDE);
            }
            return s;
        }
    }

    /** An inflight writer's slot in {@link Published}. */
    @State(Scope.Thread)
    public static class Slot {
        int index;

        @Setup(Level.Trial)
        public void setUp(Published p) {
            index = (p.nextSlot.getAndIncrement() + 1) * STRIDE;
        }
    }

    /** The inflight reader's own record of deviations, handed to the probe once per iteration. */
    @State(Scope.Thread)
    public static class Reader {
        long worst = -1;
        long reads;
        long worstApprox;
        long worstLow;
        long worstHigh;

        void check(long approx, long low, long high) {
            long distance = approx < low ? low - approx : approx > high ? approx - high : 0;
            if (distance > worst) {
                worst = distance;
                worstApprox = approx;
                worstLow = low;
                worstHigh = high;
            }
            reads++;
        }

        @TearDown(Level.Iteration)
        public void publish() {
            if (reads > 0) {
                AccuracyProbe.inflight(worstApprox, worstLow, worstHigh);
            }
            worst = -1;
            reads = 0;
        }
    }

    @Benchmark
    @Group("approximate")
    @GroupThreads(1)
    public long readApproximate(CounterState s, WorkerState pinned) {
        return s.c.approximate();
    }

    @Benchmark
    @Group("approximate")
    @GroupThreads(1)
    @TakesRemainingThreads
    public void writeApproximate(CounterState s, WorkerState w) {
        w.add(s.c, 1);
    }

    @Benchmark
    @Group("precise")
    @GroupThreads(1)
    public long readPrecise(CounterState s, WorkerState pinned) {
        return s.c.precise();
    }

    @Benchmark
    @Group("precise")
    @GroupThreads(1)
    @TakesRemainingThreads
    public void writePrecise(CounterState s, WorkerState w) {
        w.add(s.c, 1);
    }

    @Benchmark
    @Group("inflight")
    @GroupThreads(1)
    public long readInflight(CounterState s, WorkerState pinned, Published p, Reader r) {
        long low = p.sum();
        long approx = s.c.approximate();
        VarHandle.loadLoadFence();
        long high = p.sum() + p.writers;
        r.check(approx, low, high);
        return approx;
    }

    @Benchmark
    @Group("inflight")
    @GroupThreads(1)
    @TakesRemainingThreads
    public void writeInflight(CounterState s, WorkerState w, Published p, Slot slot) {
        w.add(s.c, 1);
        TALLY.setRelease(p.tallies, slot.index, w.tally);
    }
}
