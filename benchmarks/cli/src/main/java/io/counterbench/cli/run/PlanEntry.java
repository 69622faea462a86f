package io.counterbench.cli.run;

import io.counterbench.counters.CounterTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One JMH invocation of the plan: a benchmark class, the methods (or group) to run, one value per
 * parameter, and the thread layout. JMH forks once per method and fork count.
 *
 * @param threadGroups null for plain benchmarks, else JMH's -tg layout (e.g. 1 reader, n writers)
 */
public record PlanEntry(
        int index,
        String benchmark,
        List<String> methods,
        Map<String, String> params,
        int threads,
        int[] threadGroups,
        boolean gcProfiler,
        double estimateSeconds) {

    public PlanEntry {
        params = new LinkedHashMap<>(params);
    }

    /** The JMH include regex selecting exactly these methods. */
    public String includeRegex() {
        return includeRegex(benchmark, methods);
    }

    /** JMH's include regex for exactly these methods (or groups) of benchmark class {@code benchmark}. */
    public static String includeRegex(String benchmark, List<String> methods) {
        return "^\\Q" + Plan.PACKAGE + "." + benchmark + "\\E\\.(" + String.join("|", methods) + ")$";
    }

    /** Total threads of one benchmark run. */
    public int totalThreads() {
        return threadGroups == null
                ? threads
                : java.util.Arrays.stream(threadGroups).sum();
    }

    /** A short human label: "UpdateBenchmark.{inc,rssMix} counter=tree threads=2". */
    public String label() {
        String m = methods.size() == 1 ? methods.get(0) : "{" + String.join(",", methods) + "}";
        Map<String, String> shown = new LinkedHashMap<>();
        params.forEach((k, v) ->
                shown.put(k, "counter".equals(k) ? CounterTypes.parse(v).id() : v));
        return label(benchmark + "." + m, shown, threads, threadGroups);
    }

    /**
     * "UpdateBenchmark.inc counter=tree threads=2", "ReaderWriterBenchmark.g counter=tree groups=1,2": the
     * label of a plan entry and of an ab row.
     */
    public static String label(String method, Map<String, String> params, int threads, int[] threadGroups) {
        String p = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        String t = threadGroups == null
                ? "threads=" + threads
                : "groups="
                        + java.util.Arrays.stream(threadGroups)
                                .mapToObj(Integer::toString)
                                .collect(Collectors.joining(","));
        return method + (p.isEmpty() ? "" : " " + p) + " " + t;
    }
}
