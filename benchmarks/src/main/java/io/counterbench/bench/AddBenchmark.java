package io.counterbench.bench;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterId;
import io.counterbench.topology.Affinity;
import io.counterbench.topology.SysfsSource;
import io.counterbench.topology.Topology;
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

/*
 * What: add(+1) throughput of every counter on this machine's own topology, each thread on its
 * current CPU (sched_getcpu through FFM, as the kernel's this_cpu ops find theirs).
 *
 * Hypothesis: per-CPU counters (flat, tree) cost one uncontended atomic plus the CPU lookup, about
 * what LongAdder pays once its cells spread threads apart, so they should stay within 10% of it;
 * per-thread caching does plain arithmetic on a thread-owned line and one atomic every 64 adds, so
 * it should be at least twice as fast. AtomicLong collapses once two threads share its line.
 *
 * Surprise would be: tree well below flat (its carries are 1 in 32 adds and touch a shared item),
 * or per-thread below LongAdder (Thread.threadId() and the chunk lookup costing more than a CAS).
 *
 * Run just this: ./run-bench.sh jmh -- AddBenchmark -t 2
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class AddBenchmark {

    @Param
    public CounterId counter;

    private Counter c;

    @Setup(Level.Trial)
    public void setUp() {
        Topology host = SysfsSource.host();
        c = counter.create(host);
        Affinity.currentCpu();
    }

    @Benchmark
    public void add() {
        c.add(1);
    }
}
