package io.counterbench.results.jmh;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One row of JMH's JSON: a benchmark method in one mode, with one set of parameters and threads.
 *
 * @param benchmark the fully qualified method, e.g. io.counterbench.bench.UpdateBenchmark.inc
 * @param threadGroups JMH's thread distribution over @Group methods, empty when JMH wrote none
 * @param params the @Param values, sorted by name (empty when the benchmark has none)
 * @param secondary the secondary metrics by name (accuracy.*, gc.*, group members...)
 */
public record JmhResult(
        String benchmark,
        Mode mode,
        int threads,
        int forks,
        int[] threadGroups,
        SortedMap<String, String> params,
        Metric primary,
        Map<String, Metric> secondary) {

    public JmhResult {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        secondary = Map.copyOf(secondary);
        threadGroups = threadGroups.clone();
    }

    /** Class simple name and method, e.g. "UpdateBenchmark.inc". */
    public String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /** The class's simple name, e.g. "UpdateBenchmark" (the whole name when it has no dot). */
    public String className() {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2];
    }

    /** The method, e.g. "inc". */
    public String method() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }

    public String param(String name) {
        return params.get(name);
    }

    public Metric secondary(String name) {
        return secondary.get(name);
    }

    /** The secondary metric's score, NaN when absent. */
    public double secondaryScore(String name) {
        Metric m = secondary.get(name);
        return m == null ? Double.NaN : m.score();
    }

    /**
     * The members of a @Group row, by their JMH names, sorted: JMH writes one secondary metric per
     * group method, named after it (no dot) and in the primary's unit. Empty for other rows.
     */
    public java.util.List<String> groupMembers() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Map.Entry<String, Metric> e : secondary.entrySet()) {
            if (!e.getKey().contains(".") && e.getValue().unit().equals(primary.unit())) {
                names.add(e.getKey());
            }
        }
        return names.stream().sorted().toList();
    }

    /** "counter=tree placement=compact" with counter ids in their short form. */
    public String paramLabel() {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + displayValue(e.getKey(), e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** "UpdateBenchmark.inc counter=tree placement=compact topology=host threads=2" (plus mode when asked). */
    public String label(boolean withMode) {
        StringBuilder b = new StringBuilder(shortName());
        String p = paramLabel();
        if (!p.isEmpty()) {
            b.append(' ').append(p);
        }
        b.append(" threads=").append(threads);
        if (withMode) {
            b.append(" mode=").append(mode.shortName());
        }
        return b.toString();
    }

    /**
     * How a parameter value is shown: counter ids in their short form (TREE_TOPO as tree-topo, as
     * io.counterbench.counters.CounterId#id does), every other value as it is.
     */
    public static String displayValue(String name, String value) {
        if ("counter".equals(name) && value != null && value.equals(value.toUpperCase(Locale.ROOT))) {
            return counterKey(value);
        }
        return value;
    }

    /** True when two counter values name the same counter ("ADDER", "adder", "TREE_TOPO", "tree-topo"). */
    public static boolean sameCounter(String a, String b) {
        return a != null && b != null && counterKey(a).equals(counterKey(b));
    }

    /**
     * A counter value as the reports key it: lower case with dashes ("TREE_TOPO" and "tree-topo" alike,
     * as io.counterbench.counters.CounterId#lookup matches them); the one normalisation the reports use.
     */
    public static String counterKey(String value) {
        return value.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return label(true);
    }
}
