package io.counterbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/*
 * What: add() throughput per counter id, thread count, placement and CPU mode, for three update
 * mixes: +1 only (page faults), an RSS-like +1/-1 mix (map and unmap), and deltas in [-1024, 1023]
 * (batched frees); mixed deltas come from a pre-generated ring, so no random number generator runs
 * in the measured op. noop is the baseline: everything but the add (the JMH loop and the ring read).
 * Threads are pinned by the placement; cpu=lookup rows call add(delta), which finds the CPU itself
 * (what a Java caller pays), cpu=handle passes the thread's kept CpuId, and cpu=known passes the
 * pinned CPU (the kernel's this_cpu_* case, a lower bound). Each row also carries the counter's
 * accuracy at the end of every iteration, checked against the writers' exact tallies (accuracy.*
 * secondary metrics, see AccuracyProfiler).
 *
 * Hypothesis: per-CPU counters (flat, tree, tree-topo) cost about one uncontended atomic on the
 * thread's own line plus the CPU lookup, close to LongAdder once its cells have spread; with a
 * kept handle the lookup is one load. Per-thread caching is cheaper still (plain arithmetic, one
 * atomic per 64 adds); AtomicLong collapses when threads share its line. Random deltas make flat
 * and tree carry far more often than +1 does.
 *
 * Surprise would be: cpu=handle far from cpu=known, tree much slower than flat with +1 (carries
 * happen once per batch), or any accuracy.lost or accuracy.violations above 0.
 *
 * Run just this: ./run-bench.sh run --benchmarks UpdateBenchmark
 * (or ./run-bench.sh jmh -- UpdateBenchmark.inc -p counter=tree -p cpu=handle -t 1 -f 3)
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(5)
public class UpdateBenchmark {

    @Benchmark
    public void inc(CounterState s, WorkerState w) {
        w.add(s.c, 1);
    }

    @Benchmark
    public void rssMix(CounterState s, WorkerState w, Deltas d) {
        w.add(s.c, d.nextRss());
    }

    @Benchmark
    public void random(CounterState s, WorkerState w, Deltas d) {
        w.add(s.c, d.nextRandom());
    }

    /** The baseline: the ring read and the JMH loop, no counter (so no counter parameters either). */
    @Benchmark
    public long noop(Deltas d) {
        return d.nextRandom();
    }
}
