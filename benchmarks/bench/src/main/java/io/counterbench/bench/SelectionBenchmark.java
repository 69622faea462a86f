package io.counterbench.bench;

import io.counterbench.counters.Accuracy;
import io.counterbench.counters.Counter;
import io.counterbench.counters.CounterBuilder;
import io.counterbench.counters.CounterTypes;
import io.counterbench.topology.TopologySources;
import java.util.SplittableRandom;
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
 * What: the OOM-victim case. Pick the largest of K counters (K processes' RSS) built for a
 * virtual 256- or 384-CPU machine (the HPCC cover letter's 2-socket EPYC 9654), either by
 * approximate comparison with a precise sum only when the candidate and the best so far are
 * within their accuracy (the best's reads are cached: approximate once, precise at most once), or
 * by summing every counter precisely. alwaysPrecise / approximateWithFallback in one run is the
 * cover letter's ratio: 10000 processes, 80 ms -> 7.9 ms, about 10x.
 *
 * Hypothesis: with values spread far wider than the bound, the approximate scan needs almost no
 * precise sums, so it costs K cheap reads against K O(N) sums; the ratio grows with N. Here every
 * line is read by one thread that wrote none of them concurrently, so the precise sums stream
 * through memory (10000 x 384 lines do not fit a cache) rather than miss on remote CPUs.
 *
 * Surprise would be: the approximate scan choosing a different victim than the precise one
 * (the benchmark checks that in setup), or a ratio below the cover letter's at 384 CPUs.
 *
 * Run just this: ./run-bench.sh run --benchmarks SelectionBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(5)
@Threads(1)
public class SelectionBenchmark extends CounterParam {
    /** The machine the counters are built for: 256 CPUs, and the cover letter's 384-CPU EPYC. */
    @Param({"synthetic-256", "epyc-9654-2s"})
    public String topology;

    @Param({"40", "10000"})
    public int processes;

    private Counter[] counters;
    private long[] truth;

    @Setup(Level.Trial)
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
        FaultInjection.atSetup(params.getBenchmark());
        var t = TopologySources.load(topology);
        CounterBuilder f = CounterTypes.parse(counter).factory(t, 0);
        int[] cpus = t.cpus();
        SplittableRandom r = new SplittableRandom(7);
        counters = new Counter[processes];
        truth = new long[processes];
        for (int i = 0; i < processes; i++) {
            counters[i] = f.create();
            long pages = r.nextLong(1, 1 << 20);
            for (int cpu : cpus) {
                counters[i].add(cpu, 0, pages / cpus.length);
            }
            counters[i].add(cpus[0], 0, pages % cpus.length);
            truth[i] = pages;
        }
        if (Forensics.ON) {
            Forensics.clear();
            Forensics.object("counters", counters);
            Forensics.object("truth", truth);
            Forensics.counter("counter0", counters[0], 0);
            Forensics.counter("counterLast", counters[processes - 1], 0);
        }
        if (approximateWithFallback() != alwaysPrecise()) {
            throw new IllegalStateException("approximate selection with fallback chose a different victim");
        }
    }

    /** Every candidate against its exact value, once per iteration (they are quiescent). */
    @TearDown(Level.Iteration)
    public void probe() {
        for (int i = 0; i < counters.length; i++) {
            AccuracyProbe.quiescent(counters[i], truth[i]);
        }
    }

    /**
     * The kernel's way: a candidate beats the best when its precise range lies wholly above the
     * best's; only when the ranges overlap are precise sums taken (the best's at most once).
     */
    @Benchmark
    public int approximateWithFallback() {
        Counter[] cs = counters;
        int best = 0;
        Counter b = cs[0];
        long bestLow = low(b.approximate(), b.accuracy());
        long bestHigh = high(b.approximate(), b.accuracy());
        boolean bestExact = false;
        for (int i = 1; i < cs.length; i++) {
            Counter c = cs[i];
            long a = c.approximate();
            Accuracy acc = c.accuracy();
            long low = low(a, acc);
            long high = high(a, acc);
            if (high <= bestLow) {
                continue; // certainly not larger
            }
            if (low > bestHigh) {
                best = i; // certainly larger
                bestLow = low;
                bestHigh = high;
                bestExact = false;
                continue;
            }
            if (!bestExact) {
                bestLow = bestHigh = cs[best].precise();
                bestExact = true;
            }
            long p = c.precise();
            if (p > bestLow) {
                best = i;
                bestLow = bestHigh = p;
            }
        }
        return best;
    }

    @Benchmark
    public int alwaysPrecise() {
        Counter[] cs = counters;
        int best = 0;
        long max = cs[0].precise();
        for (int i = 1; i < cs.length; i++) {
            long v = cs[i].precise();
            if (v > max) {
                max = v;
                best = i;
            }
        }
        return best;
    }

    /** Lowest precise value the approximation admits: approximate - over (values here are far from the long limits). */
    private static long low(long approximate, Accuracy acc) {
        return approximate - acc.over();
    }

    /** Highest precise value the approximation admits: approximate + under. */
    private static long high(long approximate, Accuracy acc) {
        return approximate + acc.under();
    }
}
