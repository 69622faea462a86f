package io.counterbench.inputs;

/**
 * The ranges of the numbers several modules read: CPU numbers and counts (topology sources, CPU
 * lists, footprint --cpus, run.json), thread counts (run, soak and topology --threads, the
 * "threads" of a JMH result). Ranges only one reader uses are declared beside that reader.
 */
public final class Limits {
    /** Most PUs a topology may have (synthetic, preset, hwloc XML or sysfs): 8x the largest Linux NR_CPUS (8192). */
    public static final int MAX_CPUS = 65536;

    /** An OS CPU number: the kernel's cpu ids run below nr_cpu_ids, which is at most NR_CPUS. */
    public static final Range CPU_ID = new Range("a CPU number", 0, MAX_CPUS - 1);

    /** A count of CPUs (PUs) of a machine or topology. */
    public static final Range CPUS = new Range("a CPU count", 1, MAX_CPUS);

    /** Threads of one benchmark, soak or placement: one per CPU of the largest topology. */
    public static final Range THREADS = new Range("a thread count", 1, MAX_CPUS);

    private Limits() {}
}
