package io.counterbench.bench;

import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterTypes;
import io.counterbench.topology.Topology;
import io.counterbench.topology.TopologySources;
import java.util.Random;
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
 * What: the cost of reading a counter built for a virtual machine of 2 to 4096 CPUs, on this box:
 * the cheap read (approximate) against the exact one (precise), which must visit every CPU's
 * padded slot. The counter is first filled through explicit-placement adds on every virtual CPU,
 * so every slot line is live. Every line is read cache-hot (cache=hot in the row): one thread
 * reads the same counter again and again, so its lines sit in this core's caches. These rows are
 * an instruction-cost figure; on a real 4096-CPU machine the lines that other CPUs dirtied are
 * remote misses, which this box cannot show.
 *
 * Hypothesis: approximate() of tree, flat, per-node and per-thread is one load (a few ns) whatever
 * the CPU count; precise() and the exact counters' reads (LongAdder, the JCTools striped counter
 * with one stripe per virtual CPU) grow linearly with the slot count: 256 lines are hundreds of ns.
 * LongAdder never has more cells than the next power of two above this box's CPU count, so its
 * sum() is no stand-in for a 256-CPU machine: read its row as "a small box's LongAdder".
 *
 * Surprise would be: approximate() growing with the CPU count, or precise() of 256 lines under
 * 50x the approximate read.
 *
 * Run just this: ./run-bench.sh run --benchmarks ReadBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 5,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Threads(1)
public class ReadBenchmark extends CounterParam {
    /** CPUs of the virtual topology the counter is built for (2 sockets, SMT2). */
    @Param({"2", "8", "64", "256", "1024", "4096"})
    public int cpus;

    /** Only "hot": the rows say how their lines were read; a cold or remote read is not measured here. */
    @Param({"hot"})
    public String cache;

    private Counter c;
    private long truth;

    @Setup(Level.Trial)
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
        FaultInjection.atSetup(params.getBenchmark());
        if (!"hot".equals(cache)) {
            throw new IllegalArgumentException(
                    "cache=" + cache + ": only cache=hot is measured (one thread re-reads the same lines)");
        }
        Topology t = TopologySources.load(virtual(cpus));
        c = CounterTypes.parse(counter).create(t, 0);
        Random r = new Random(42);
        for (int round = 0; round < 64; round++) {
            for (int cpu : t.cpus()) {
                int delta = r.nextInt(100) - 40;
                c.add(cpu, cpu, delta);
                truth += delta;
            }
        }
    }

    /** A synthetic 2-socket SMT2 machine with {@code cpus} PUs (linear when that does not divide). */
    public static String virtual(int cpus) {
        if (cpus >= 8 && cpus % 4 == 0) {
            return "pack:2 core:" + cpus / 4 + " pu:2 numbering:smt-split";
        }
        return "pack:1 core:" + cpus + " pu:1";
    }

    /** The counter is quiescent between calls: its accuracy goes next to the latency. */
    @TearDown(Level.Iteration)
    public void probe() {
        AccuracyProbe.quiescent(c, truth);
    }

    @Benchmark
    public long approximate() {
        return c.approximate();
    }

    @Benchmark
    public long precise() {
        return c.precise();
    }
}
