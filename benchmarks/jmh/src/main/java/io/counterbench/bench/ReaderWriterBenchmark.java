package io.counterbench.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/*
 * What: one reader against n writers (+1 adds) on the same counter, for both reads. The reader of
 * group "approximate" also checks every read against the window of values the exact count could
 * have had while it read: writers publish their exact tallies after each add, the reader sums them
 * before (low) and after (high, plus one unpublished add per writer) its read, and
 * accuracy.inflight.worst is the largest distance of a read from that window.
 *
 * Hypothesis: a writer pays the same as in UpdateBenchmark plus one release store; the reader of
 * approximate() stays at a few ns (one line, which writers rarely dirty: carries and flushes only),
 * while precise() pays every CPU's line and slows writers by pulling their lines away.
 * In-flight deviation stays within the quiescent bound.
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
@Fork(1)
public class ReaderWriterBenchmark {
    private static final int STRIDE = 16;
    private static final int MAX_WRITERS = 1024;
    private static final VarHandle TALLY = MethodHandles.arrayElementVarHandle(long[].class);

    /** Exact per-writer tallies, one padded line each, shared by the group. */
    @State(Scope.Group)
    public static class Tallies {
        final long[] published = new long[(MAX_WRITERS + 2) * STRIDE];
        final java.util.concurrent.atomic.AtomicInteger nextSlot = new java.util.concurrent.atomic.AtomicInteger();
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
                s += (long) TALLY.getAcquire(published, (w + 1) * STRIDE);
            }
            return s;
        }
    }

    /** A writer's own running tally. */
    @State(Scope.Thread)
    public static class Writer {
        int slot;
        long tally;

        @Setup(Level.Trial)
        public void setUp(Tallies t) {
            slot = (t.nextSlot.getAndIncrement() + 1) * STRIDE;
        }
    }

    /** The reader's own record of in-flight deviations, published once per iteration. */
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

        @org.openjdk.jmh.annotations.TearDown(Level.Iteration)
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
    public long readApproximate(CounterState s, Tallies t, Reader r) {
        long low = t.sum();
        long approx = s.c.approximate();
        long high = t.sum() + t.writers;
        r.check(approx, low, high);
        return approx;
    }

    @Benchmark
    @Group("approximate")
    @GroupThreads(1)
    public void writeA(CounterState s, WorkerState w, Tallies t, Writer me) {
        write(s, w, t, me);
    }

    @Benchmark
    @Group("precise")
    @GroupThreads(1)
    public long readPrecise(CounterState s) {
        return s.c.precise();
    }

    @Benchmark
    @Group("precise")
    @GroupThreads(1)
    public void writeP(CounterState s, WorkerState w, Tallies t, Writer me) {
        write(s, w, t, me);
    }

    private static void write(CounterState s, WorkerState w, Tallies t, Writer me) {
        UpdateBenchmark.add(s.c, w, 1);
        TALLY.setRelease(t.published, me.slot, ++me.tally);
    }
}
