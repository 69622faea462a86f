package io.counterbench.bench;

import io.counterbench.counters.Counter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/*
 * What: add() throughput per counter id, thread count and placement, for three update mixes:
 * +1 only (page faults), an RSS-like +1/-1 mix (map and unmap), and random deltas in +-1024
 * (batched frees). Each row also carries the counter's accuracy at the end of every iteration
 * (accuracy.* secondary metrics, see AccuracyProfiler).
 *
 * Hypothesis: per-CPU counters (flat, tree, tree-topo) cost about one uncontended atomic on the
 * thread's own line, close to LongAdder once its cells have spread; per-thread caching is cheaper
 * still (plain arithmetic, one atomic per 64 adds); AtomicLong collapses when threads share its line.
 * Random deltas make flat and tree carry far more often than +1 does.
 *
 * Surprise would be: tree much slower than flat with +1 (carries happen once per batch), or a
 * non-zero accuracy.violations anywhere.
 *
 * Run just this: ./run-bench.sh run --benchmarks UpdateBenchmark
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UpdateBenchmark {

    @Benchmark
    public void inc(CounterState s, WorkerState w) {
        add(s.c, w, 1);
    }

    @Benchmark
    public void rssMix(CounterState s, WorkerState w) {
        add(s.c, w, (w.next() & 1) == 0 ? 1 : -1);
    }

    @Benchmark
    public void random(CounterState s, WorkerState w) {
        add(s.c, w, (w.next() >> 53));
    }

    static void add(Counter c, WorkerState w, long delta) {
        if (w.cpu < 0) {
            c.add(delta);
        } else {
            c.add(w.cpu, w.task, delta);
        }
    }
}
