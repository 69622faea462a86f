package io.counterbench.run;

import java.util.List;
import java.util.Locale;

/**
 * How much to measure. quick: the whole matrix within about 5 minutes on a 2-core box (short
 * iterations, the ends of the thread sweep); standard: JMH-sized iterations, the full thread sweep
 * and two placements; full: hours on a many-core box, three forks, every placement.
 */
public enum Profile {
    /** Checks that every benchmark runs; its numbers mean nothing (tests and CI use it). */
    SMOKE(1, 50, 1, 50, 1, false, List.of("compact"), List.of("8"), List.of("host")),
    QUICK(2, 300, 3, 200, 1, false, List.of("compact"), List.of("8", "4096"), List.of("host", "synthetic-256")),
    STANDARD(3, 1000, 5, 1000, 1, true, List.of("compact", "spread"), List.of("2", "8", "64", "256", "1024", "4096"),
            List.of("host", "synthetic-256")),
    FULL(5, 1000, 10, 1000, 3, true, List.of("compact", "spread", "one-per-core", "none"),
            List.of("2", "8", "64", "256", "1024", "4096"), List.of("host", "synthetic-256"));

    public final int warmupIterations;
    public final int warmupMillis;
    public final int measurementIterations;
    public final int measurementMillis;
    public final int forks;
    /** Every power of two up to the CPU count (true), or just 1 and the CPU count (false). */
    final boolean fullThreadSweep;
    final List<String> placements;
    final List<String> readCpus;
    final List<String> lifecycleTopologies;

    Profile(int wi, int wms, int mi, int mms, int forks, boolean fullThreadSweep, List<String> placements,
            List<String> readCpus, List<String> lifecycleTopologies) {
        this.warmupIterations = wi;
        this.warmupMillis = wms;
        this.measurementIterations = mi;
        this.measurementMillis = mms;
        this.forks = forks;
        this.fullThreadSweep = fullThreadSweep;
        this.placements = placements;
        this.readCpus = readCpus;
        this.lifecycleTopologies = lifecycleTopologies;
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
        throw new IllegalArgumentException("unknown profile '" + text + "' (known: smoke, quick, standard, full)");
    }
}
