package io.counterbench.bench;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterBuilder;
import io.counterbench.counters.CounterTypes;
import io.counterbench.topology.TopologySources;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/*
 * What: the fork/exit case. Create a group of 4 counters (an mm's RSS counters: 4 adjacent slots
 * of the per-CPU arena where the counter has per-CPU memory), do 64 adds on them as a short-lived
 * task does (32 on one CPU, then 32 on a second after one migration), read all four precisely
 * (check_mm at exit), and close the previous group (percpu_counter_destroy: its slots go back to
 * the arena). Run with -prof gc (run-bench.sh run does) for bytes/op (gc.alloc.rate.norm).
 *
 * Hypothesis: per-CPU counters pay what fork/exit pays in the kernel: taking 4 slots zeroes them on
 * every CPU (O(N) stores, like alloc_percpu's memset) and returning them is O(1); at N = 256 the
 * zeroing still outweighs the 64 adds, which is the kernel's "up to 12% slower for short-lived
 * processes"; atomic and per-thread stay tiny.
 *
 * Surprise would be: bytes/op that grow with N for flat, tree and tree-topo (the slots are taken
 * from the arena, not allocated; only the tree's own items, one 64-byte line each, grow with N).
 *
 * Run just this: ./run-bench.sh run --benchmarks LifecycleBenchmark
 */
@State(Scope.Benchmark)
@MeasuresAllocation
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(5)
@Threads(1)
public class LifecycleBenchmark extends CounterParam {
    @Param({"host", "synthetic-256"})
    public String topology;

    /** Adds per counter group: half on the first CPU, half on the second. */
    private static final int ADDS = 64;

    private CounterBuilder factory;
    /** The task's CPU, and the one it migrates to: the first CPU and one in the middle of the topology. */
    private int first;

    private int second;
    /**
     * The last group created, closed by the next operation; kept so the iteration's accuracy probe has a counter to
     * read.
     */
    private Counter[] last;

    @Setup(Level.Trial)
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
        FaultInjection.atSetup(params.getBenchmark());
        var t = TopologySources.load(topology);
        factory = CounterTypes.parse(counter).factory(t, 0);
        int[] cpus = t.cpus();
        first = cpus[0];
        second = cpus[cpus.length / 2];
    }

    @Benchmark
    public long createAddReadDrop() {
        Counter[] mm = factory.createGroup(4);
        int cpu = first;
        for (int i = 0; i < ADDS / 2; i++) {
            mm[i & 3].add(cpu, 0, 1);
        }
        cpu = second;
        for (int i = 0; i < ADDS / 2; i++) {
            mm[i & 3].add(cpu, 0, 1);
        }
        long sum = 0;
        for (Counter c : mm) {
            sum += c.precise();
        }
        Counter[] previous = last;
        last = mm;
        if (previous != null) {
            for (Counter c : previous) {
                c.close();
            }
        }
        return sum;
    }

    @TearDown(Level.Iteration)
    public void probe() {
        if (last != null) {
            for (Counter c : last) {
                AccuracyProbe.quiescent(c, ADDS / last.length);
            }
        }
    }

    @TearDown(Level.Trial)
    public void closeLast() {
        if (last != null) {
            for (Counter c : last) {
                c.close();
            }
            last = null;
        }
    }
}
