package io.counterbench.cli.ab;

import io.counterbench.cli.run.Plan;
import io.counterbench.cli.run.PlanEntry;
import io.counterbench.cli.run.Profile;
import io.counterbench.counters.CounterType;
import io.counterbench.counters.CounterTypes;
import io.counterbench.topology.Affinity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rows of an ab run: the profile's plan on this machine (the same plan `run` would make,
 * derived from the benchmark list), one row per method or @Group, kept when both versions' jars
 * declare that benchmark with those parameter names and values.
 */
public final class AbRows {
    /**
     * Seconds an ab fork costs besides its iterations: each is a JMH host JVM of its own that forks one
     * benchmark JVM, so it pays {@link Plan#FORK_OVERHEAD_SECONDS} (one JVM start and JMH's handshake,
     * as run's forks of a shared host do) twice: 0.9 s, as measured on the 2-core development VM
     * (quick forks of 1.2 s of iterations took 2.0 s, 0.8 to 0.9 s more).
     */
    static final double FORK_OVERHEAD_SECONDS = 2 * Plan.FORK_OVERHEAD_SECONDS;

    private AbRows() {}

    public static List<AbRow> common(
            Profile p, Pattern filter, List<String> counters, List<Integer> threads, BenchmarkJar a, BenchmarkJar b) {
        int cpus = Affinity.processCpus().length;
        List<CounterType> types = counters == null
                ? List.of()
                : counters.stream().map(CounterTypes::parse).distinct().toList();
        List<String> ids =
                counters == null ? null : types.stream().map(CounterType::id).toList();
        if (threads != null && threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("--threads: a thread count must be at least 1");
        }
        // a --counter-jar's ids are no @Param value of either jar, but both run them (the forks load the jar)
        Set<String> contributed =
                types.stream().filter(t -> !t.builtIn()).map(CounterType::id).collect(Collectors.toSet());
        Plan plan = Plan.Choices.builder(p, "host", cpus)
                .counters(ids)
                .threads(threads)
                .benchmarks(filter)
                .plan();
        List<AbRow> rows = new ArrayList<>();
        for (PlanEntry e : plan.entries()) {
            for (String m : e.methods()) {
                String method = e.benchmark() + "." + m;
                if (a.has(method, e.params(), contributed) && b.has(method, e.params(), contributed)) {
                    rows.add(new AbRow(rows.size(), method, e.params(), e.threads(), e.threadGroups(), e.gcProfiler()));
                }
            }
        }
        return rows;
    }

    /** Expected seconds of one fork of the profile. */
    public static double secondsPerFork(Profile p) {
        return FORK_OVERHEAD_SECONDS
                + (p.warmupIterations * p.warmupMillis + p.measurementIterations * p.measurementMillis) / 1000.0;
    }
}
