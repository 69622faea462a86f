package io.counterbench.cli.run;

import io.counterbench.counters.CounterId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How much to measure. The JVM fork is the unit of replication: every row runs in {@link #forks}
 * JVMs, so a row's interval comes from several JVMs, not from iterations of one. Each profile is
 * JMH's benchmark list narrowed by slices (see {@link Slice}); a benchmark no slice names runs
 * with the profile's parameter values, else its own @Param values.
 * <ul>
 *   <li>smoke: every benchmark once, one fork, 50 ms iterations: checks that everything runs;</li>
 *   <li>quick: 2 forks, short iterations, a trimmed matrix: within 5 minutes on a 2-core box (the read/update mix of
 *   flat
 *   and tree with a read every 10 updates, and their reads at 2 CPUs, are what ./run-bench.sh advise needs here);</li>
 *   <li>standard: 5 forks, JMH-sized iterations, every counter, the full thread sweep;</li>
 *   <li>full: 5 forks, 10 measured iterations, every placement: hours on a many-core box.</li>
 * </ul>
 */
public enum Profile {
    SMOKE(1, 1, 50, 1, 50, false, Map.of("placement", List.of("compact"), "cpu", List.of("lookup")), Slices.QUICK),
    QUICK(2, 2, 200, 3, 200, false, Map.of("placement", List.of("compact"), "cpu", List.of("lookup")), Slices.QUICK),
    STANDARD(
            5,
            3,
            1000,
            5,
            1000,
            true,
            Map.of("placement", List.of("compact", "spread"), "cpu", List.of("lookup")),
            Slices.STANDARD),
    FULL(
            5,
            5,
            1000,
            10,
            1000,
            true,
            Map.of("placement", List.of("compact", "spread", "one-per-core", "none"), "cpu", List.of("lookup")),
            Slices.STANDARD),
    /**
     * The pull-request gate (ab): every counter's add at 1 thread (run --profiles lists the rows and forks).
     * Eight rows, so that within ab's 9-minute budget each gets about 14 pairs on a 2-CPU runner; the rows at
     * the CPU count and the tree's read are the nightly profile's.
     * Warmup 3 x 200 ms: with 2 x 100 ms some forks still measured unsettled code (AtomicLong's add
     * spread 14% from fork to fork, 3% with this).
     * Measurement 10 x 40 ms rather than 2 x 200 ms: the same time, but enough iterations for ab's
     * best-iteration fork score to find one that other work on the machine did not disturb.
     */
    CI(16, 3, 200, 10, 40, false, Map.of("placement", List.of("compact"), "cpu", List.of("lookup")), Slices.CI),
    /**
     * The nightly gate (ab --profile nightly, budget 30 minutes): the ci profile's rows, plus LongAdder's,
     * flat's and the tree's add at the CPU count (back to back on a 2-CPU runner) and the tree's approximate
     * read of a 4096-CPU counter; the same forks.
     */
    NIGHTLY(
            16,
            3,
            200,
            10,
            40,
            false,
            Map.of("placement", List.of("compact"), "cpu", List.of("lookup")),
            Slices.NIGHTLY),
    /**
     * The stability experiment (docs/forensics.md): 20 forks of the rows whose forks settle at
     * different speeds, at 1 thread (inc of tree, flat, per-thread, per-node and adder in every CPU
     * mode; the CpuId rows; the selection at 384 CPUs for tree), each fork with its candidate causes
     * recorded (see {@link #forensics()}). Short iterations: about 13 minutes on a 2-core box.
     */
    STABILITY(
            20,
            3,
            200,
            4,
            100,
            false,
            Map.of("placement", List.of("compact"), "cpu", List.of("lookup")),
            Slices.STABILITY);

    public final int forks;
    public final int warmupIterations;
    public final int warmupMillis;
    public final int measurementIterations;
    public final int measurementMillis;
    /** Every power of two up to the CPU count (true), or just 1 and the CPU count (false). */
    final boolean fullThreadSweep;
    /** Parameter values for every benchmark that has the parameter, unless a slice says otherwise. */
    final Map<String, List<String>> params;

    final List<Slice> slices;

    Profile(
            int forks,
            int wi,
            int wms,
            int mi,
            int mms,
            boolean fullThreadSweep,
            Map<String, List<String>> params,
            List<Slice> slices) {
        this.forks = forks;
        this.warmupIterations = wi;
        this.warmupMillis = wms;
        this.measurementIterations = mi;
        this.measurementMillis = mms;
        this.fullThreadSweep = fullThreadSweep;
        this.params = params;
        this.slices = slices;
    }

    /**
     * True for the stability profile: every fork runs with {@code io.counterbench.bench.ForensicsProfiler}
     * (hot objects' addresses, GCs, JIT time per iteration) and writes its JIT log (-XX:+PrintCompilation,
     * and PrintInlining for JMH's measured stubs) to forensics/jit-PID.log in the run folder.
     */
    public boolean forensics() {
        return this == STABILITY;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Seconds one fork spends iterating, for one benchmark method. */
    double iterationSeconds() {
        return (warmupIterations * warmupMillis + measurementIterations * measurementMillis) / 1000.0;
    }

    /** Thread counts for a machine of {@code cpus} CPUs: 1, 2, 4, ... and cpus itself. */
    List<Integer> threads(int cpus) {
        java.util.TreeSet<Integer> t = new java.util.TreeSet<>();
        t.add(1);
        if (fullThreadSweep) {
            for (int n = 2; n < cpus; n *= 2) {
                t.add(n);
            }
        }
        t.add(Math.max(1, cpus));
        return List.copyOf(t);
    }

    public static Profile parse(String text) {
        for (Profile p : values()) {
            if (p.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown profile '" + text + "' (known: smoke, quick, standard, full, ci, nightly, stability)");
    }

    /** The slices of the profiles (a nested holder: enum constants cannot refer to static fields of their own enum). */
    private static final class Slices {
        /**
         * Counters whose CPU mode matters (every built-in whose slots follow the writer's CPU or task,
         * in CounterId's order), then LongAdder as the yardstick of every mode.
         */
        private static final String CPU_USERS = Arrays.stream(CounterId.values())
                        .filter(id -> id.layout().slotted())
                        .map(CounterId::id)
                        .collect(Collectors.joining(","))
                + "," + CounterId.ADDER.id();

        static final List<Slice> QUICK = List.of(
                Slice.skip("^CpuIdBenchmark\\."),
                Slice.skip("^LookupLadderBenchmark\\."),
                Slice.of("^UpdateBenchmark\\.inc$"),
                Slice.of("^UpdateBenchmark\\.inc$", "counter", "tree,flat,adder", "cpu", "handle,known"),
                Slice.of("^UpdateBenchmark\\.(rssMix|random)$", "counter", "per-thread,flat,tree,adder"),
                Slice.of("^ReaderWriterBenchmark\\.", "counter", "flat,tree,adder"),
                Slice.of("^ReadBenchmark\\.", "counter", "flat,tree,adder", "cpus", "4096"),
                Slice.of("^ReadBenchmark\\.", "counter", "flat,tree", "cpus", "2"),
                Slice.of("^MixBenchmark\\.", "counter", "flat,tree", "updatesPerRead", "10"),
                Slice.skip("^MixBenchmark\\.preciseByOneWriter$"), // the readers experiment (docs/advise.md)
                Slice.of("^LifecycleBenchmark\\.", "counter", "flat,tree,adder", "topology", "synthetic-256"),
                Slice.of("^SelectionBenchmark\\.", "counter", "flat,tree", "processes", "10000"));

        /** What neither gate profile runs; each adds its rows after these. */
        private static final List<Slice> GATE_SKIPS = List.of(
                Slice.skip("^CpuIdBenchmark\\."),
                Slice.skip("^LookupLadderBenchmark\\."),
                Slice.skip("^UpdateBenchmark\\.(rssMix|random|noop)$"),
                Slice.skip("^ReaderWriterBenchmark\\."),
                Slice.skip("^MixBenchmark\\."),
                Slice.skip("^LifecycleBenchmark\\."),
                Slice.skip("^SelectionBenchmark\\."));

        static final List<Slice> CI =
                gate(Slice.skip("^ReadBenchmark\\."), Slice.of("^UpdateBenchmark\\.inc$", "threads", "1"));

        static final List<Slice> NIGHTLY = gate(
                Slice.skip("^ReadBenchmark\\.precise$"),
                Slice.of("^UpdateBenchmark\\.inc$", "threads", "1"),
                Slice.of("^UpdateBenchmark\\.inc$", "counter", "adder,flat,tree", "threads", "cpus"),
                Slice.of("^ReadBenchmark\\.approximate$", "counter", "tree", "cpus", "4096"));

        private static List<Slice> gate(Slice... rows) {
            List<Slice> all = new java.util.ArrayList<>(GATE_SKIPS);
            all.addAll(List.of(rows));
            return List.copyOf(all);
        }

        static final List<Slice> STABILITY = List.of(
                Slice.skip("^LookupLadderBenchmark\\."),
                Slice.skip("^UpdateBenchmark\\.(rssMix|random|noop)$"),
                Slice.skip("^ReaderWriterBenchmark\\."),
                Slice.skip("^MixBenchmark\\."),
                Slice.skip("^LifecycleBenchmark\\."),
                Slice.skip("^ReadBenchmark\\."),
                Slice.of(
                        "^UpdateBenchmark\\.inc$",
                        "counter",
                        "tree,flat,per-thread,per-node,adder",
                        "cpu",
                        "lookup,handle,known",
                        "threads",
                        "1"),
                Slice.of(
                        "^SelectionBenchmark\\.", "counter", "tree", "topology", "epyc-9654-2s", "processes", "10000"));

        static final List<Slice> STANDARD = List.of(
                Slice.skip("^LookupLadderBenchmark\\."), // a forensics tool, run by hand (docs/forensics.md)
                Slice.of("^MixBenchmark\\.preciseByOneWriter$", "counter", "flat,tree", "updatesPerRead", "10"),
                Slice.of("^UpdateBenchmark\\.inc$"),
                Slice.of("^UpdateBenchmark\\.inc$", "counter", CPU_USERS, "cpu", "handle,known"),
                Slice.of("^LifecycleBenchmark\\.", "topology", "host,synthetic-256"),
                Slice.of("^SelectionBenchmark\\.", "counter", "flat,tree,tree-topo,adder"));
    }
}
