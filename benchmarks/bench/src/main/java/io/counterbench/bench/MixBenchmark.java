package io.counterbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/*
 * What: the workload most users have: updates with occasional reads. Every writer adds +1 (as
 * UpdateBenchmark.inc does) and, after every updatesPerRead of its own adds, reads the counter
 * itself: approximate() in the "approximate" rows, precise() in the "precise" rows. One operation
 * is one add; its score (ops/us of all threads) carries the reads' share, 1 / updatesPerRead of a
 * read per add. The accuracy probe checks the counter against the writers' exact tallies at the
 * end of every iteration, as in every update row.
 *
 * Hypothesis: with a read every 100,000 adds the rows equal UpdateBenchmark.inc. With one every
 * 10, the approximate read of flat, tree, per-node and per-thread adds about a tenth of one load
 * (a few tenths of a ns), while precise() and LongAdder's sum() add a tenth of a walk over every
 * slot: on this 2-CPU box a few ns, on a 384-CPU box the walk and the lines other CPUs dirtied
 * dominate (see ./run-bench.sh advise, which predicts it with the simulator's cost model).
 *
 * preciseByOneWriter: as precise, but only the first writer (JMH's thread index 0) reads; the
 * others only add. It takes the reader-against-reader contention out of the precise rows: flat
 * and per-node take the counter's lock for a precise read (percpu_counter_sum), the trees and
 * per-thread do not, so at 2 or more threads the difference between precise and
 * preciseByOneWriter (per read) is the price of readers queueing on that lock.
 *
 * Surprise would be: the approximate rows at updatesPerRead=10 far (> 20%) from inc, or any
 * accuracy.lost or accuracy.violations above 0.
 *
 * Run just this: ./run-bench.sh run --benchmarks MixBenchmark
 * (or ./run-bench.sh jmh -- MixBenchmark.precise -p counter=tree -p updatesPerRead=10 -t 2 -f 3)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(5)
public class MixBenchmark {

    /** Adds of one writer between two of its reads. */
    @Param({"10", "1000", "100000"})
    public int updatesPerRead;

    private int untilRead;
    /** True on the thread that reads in preciseByOneWriter (JMH's thread index 0). */
    private boolean firstWriter;

    @Setup(Level.Trial)
    public void setUp(ThreadParams tp) {
        if (updatesPerRead < 1) {
            throw new IllegalArgumentException("updatesPerRead=" + updatesPerRead + ": at least 1");
        }
        untilRead = updatesPerRead;
        firstWriter = tp.getThreadIndex() == 0;
    }

    @Benchmark
    public long approximate(CounterState s, WorkerState w) {
        w.add(s.c, 1);
        if (--untilRead != 0) {
            return 0;
        }
        untilRead = updatesPerRead;
        return s.c.approximate();
    }

    @Benchmark
    public long precise(CounterState s, WorkerState w) {
        w.add(s.c, 1);
        if (--untilRead != 0) {
            return 0;
        }
        untilRead = updatesPerRead;
        return s.c.precise();
    }

    @Benchmark
    public long preciseByOneWriter(CounterState s, WorkerState w) {
        w.add(s.c, 1);
        if (--untilRead != 0) {
            return 0;
        }
        untilRead = updatesPerRead;
        return firstWriter ? s.c.precise() : 0;
    }
}
