package io.counterbench.results.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A core-to-core latency run, the record latency.json holds (see {@link LatencyJson}): where it
 * ran, the CPUs in topology order (the heatmap's axes), how it sampled, and every measured pair.
 * The per-class summary is derived from the pairs ({@link #classes()}), by the writer and by every
 * reader alike.
 *
 * @param host the machine's host name
 * @param cpuModel its CPU model ("AMD EPYC 9654 96-Core Processor"), or "" when unknown
 * @param topology the topology name the classes come from ("host")
 * @param topologySource where that topology came from ("sysfs /sys/devices/system/cpu")
 * @param cpus the measured CPUs in topology order (siblings, then cores of an LLC, ...)
 * @param settings how the pairs were sampled
 * @param pairs the measured pairs
 * @param started when the run began (ISO-8601), or ""
 * @param wallSeconds how long it took, NaN when unknown
 * @param status "complete", or "incomplete" when a signal stopped the run and only the pairs finished before are kept
 * @param reason why it is incomplete ("interrupted (SIGINT/SIGTERM) after 12 of 28 pairs"), or null
 */
public record LatencyRun(
        String host,
        String cpuModel,
        String topology,
        String topologySource,
        int[] cpus,
        Settings settings,
        List<Pair> pairs,
        String started,
        double wallSeconds,
        String status,
        String reason) {
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";

    /** The distance classes, nearest first: the keys files use (the topology module's LatencyClass has the same). */
    public static final List<String> CLASSES = List.of("same-core", "same-llc", "same-node", "same-package", "remote");
    /** The classes in words, in {@link #CLASSES}' order. */
    public static final List<String> LABELS = List.of(
            "same core (SMT siblings)",
            "same LLC, other core",
            "same NUMA node, other LLC",
            "same package, other NUMA node",
            "other package");

    /**
     * @param samples samples per pair and method
     * @param roundTripsPerSample round trips timed together in one sample
     * @param warmupRoundTrips round trips run before a pair's first sample
     * @param pairsTotal pairs the CPUs make (the measured pairs are all of them, or a sample)
     * @param sampled whether only a sample of the pairs was measured
     * @param seed the seed that chose the sample
     */
    public record Settings(
            int samples,
            long roundTripsPerSample,
            long warmupRoundTrips,
            long pairsTotal,
            boolean sampled,
            long seed) {}

    public LatencyRun {
        cpus = cpus.clone();
        pairs = List.copyOf(pairs);
        if (!COMPLETE.equals(status) && !INCOMPLETE.equals(status)) {
            throw new IllegalArgumentException("a latency run's status is complete or incomplete, not " + status);
        }
    }

    /** A complete run. */
    public LatencyRun(
            String host,
            String cpuModel,
            String topology,
            String topologySource,
            int[] cpus,
            Settings settings,
            List<Pair> pairs,
            String started,
            double wallSeconds) {
        this(host, cpuModel, topology, topologySource, cpus, settings, pairs, started, wallSeconds, COMPLETE, null);
    }

    /** Whether every planned pair was measured (false: a signal stopped the run; {@link #reason()} says when). */
    public boolean complete() {
        return COMPLETE.equals(status);
    }

    /** The same run marked incomplete, for {@code reason}. */
    public LatencyRun incomplete(String why) {
        return new LatencyRun(
                host, cpuModel, topology, topologySource, cpus, settings, pairs, started, wallSeconds, INCOMPLETE, why);
    }

    @Override
    public int[] cpus() {
        return cpus.clone();
    }

    /** "same LLC, other core" for "same-llc"; the key itself when it is not one of {@link #CLASSES}. */
    public static String label(String cls) {
        int i = CLASSES.indexOf(cls);
        return i < 0 ? cls : LABELS.get(i);
    }

    /** The classes measured, nearest first, each summarized over its pairs. */
    public List<ClassSummary> classes() {
        Map<String, List<Pair>> by = new LinkedHashMap<>();
        for (String c : CLASSES) {
            by.put(c, new ArrayList<>());
        }
        for (Pair p : pairs) {
            by.computeIfAbsent(p.cls(), k -> new ArrayList<>()).add(p);
        }
        List<ClassSummary> out = new ArrayList<>();
        for (Map.Entry<String, List<Pair>> e : by.entrySet()) {
            List<Pair> ps = e.getValue();
            if (ps.isEmpty()) {
                continue;
            }
            double[] cas = ps.stream().mapToDouble(p -> p.casStats().median()).toArray();
            double[] sl = ps.stream()
                    .filter(p -> p.storeLoad().length > 0)
                    .mapToDouble(p -> p.storeLoadStats().median())
                    .toArray();
            double[] casAll =
                    ps.stream().flatMapToDouble(p -> Arrays.stream(p.cas())).toArray();
            double[] slAll = ps.stream()
                    .flatMapToDouble(p -> Arrays.stream(p.storeLoad()))
                    .toArray();
            out.add(new ClassSummary(
                    e.getKey(), ps.size(), Stats.of(cas), Stats.of(sl), Stats.of(casAll), Stats.of(slAll)));
        }
        return out;
    }

    /**
     * The pairs' median round trips as a matrix over {@link #cpus()} in their order ({@code casMethod}:
     * CAS, else store/load); NaN where no pair was measured, and on the diagonal.
     */
    public double[][] matrix(boolean casMethod) {
        int n = cpus.length;
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(cpus[i], i);
        }
        double[][] m = new double[n][n];
        for (double[] row : m) {
            Arrays.fill(row, Double.NaN);
        }
        for (Pair p : pairs) {
            int i = index.get(p.a());
            int j = index.get(p.b());
            double v = (casMethod ? p.casStats() : p.storeLoadStats()).median();
            m[i][j] = v;
            m[j][i] = v;
        }
        return m;
    }
}
