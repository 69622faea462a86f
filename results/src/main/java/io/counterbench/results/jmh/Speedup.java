package io.counterbench.results.jmh;

/**
 * "Speedup vs LongAdder", defined once for every table, chart and CSV column: how many times
 * faster a row is than LongAdder's row of the same run, benchmark, parameters and threads, so
 * that higher is better in every mode. Throughput rows divide the row's score by LongAdder's;
 * time rows (avgt, sample, ss) divide LongAdder's time by the row's. It is computed per fork
 * ({@link ForkScores#speedup}) and reported as the median of the per-fork ratios with their
 * interval, never as a ratio of two pooled scores.
 */
public final class Speedup {
    /** The counter every speedup is relative to. */
    public static final String REFERENCE = "adder";
    /** The one sentence a table or chart shows to define the column. */
    public static final String DEFINITION =
            "speedup vs LongAdder: how many times faster than LongAdder in the same run, "
                    + "benchmark, parameters and threads (throughput / LongAdder's throughput; LongAdder's time / the "
                    + "row's time), so higher is better in every mode; the median of the per-fork ratios, with their "
                    + "interval";

    /**
     * Benchmarks whose rows get no speedup, with why: a ratio there would compare unlike work.
     * ReadBenchmark's counters are built for a virtual machine of up to 4096 CPUs, while LongAdder's
     * cells follow this box's CPU count, so its row is a small box's sum whatever the row's size.
     */
    private static final java.util.Map<String, String> UNDEFINED = java.util.Map.of(
            "ReadBenchmark",
            "no speedup vs LongAdder: LongAdder's cells follow this box's CPU count, not the row's cpus, so a ratio "
                    + "would compare a small box's sum with a read of every slot of a large machine");

    private Speedup() {}

    /** Why rows of benchmark class {@code simpleClassName} have no speedup, or null where they have one. */
    public static String undefinedBecause(String simpleClassName) {
        return UNDEFINED.get(simpleClassName);
    }

    /** The per-fork speedups of metric {@code row} over {@code reference} in {@code mode}. */
    public static ForkScores of(Metric row, Metric reference, Mode mode) {
        return ForkScores.speedup(ForkScores.of(row), ForkScores.of(reference), mode.higherIsBetter());
    }
}
