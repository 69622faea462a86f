package io.counterbench.run;

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
public record PlanEntry(int index, String benchmark, List<String> methods, Map<String, String> params, int threads,
                        int[] threadGroups, boolean gcProfiler, double estimateSeconds) {

    public PlanEntry {
        params = new LinkedHashMap<>(params);
    }

    /** The JMH include regex selecting exactly these methods. */
    public String includeRegex() {
        return "^\\Q" + Plan.PACKAGE + "." + benchmark + "\\E\\.(" + String.join("|", methods) + ")$";
    }

    /** Total threads of one benchmark run. */
    public int totalThreads() {
        return threadGroups == null ? threads : java.util.Arrays.stream(threadGroups).sum();
    }

    /** A short human label: "UpdateBenchmark.{inc,rssMix} counter=tree threads=2". */
    public String label() {
        String m = methods.size() == 1 ? methods.get(0) : "{" + String.join(",", methods) + "}";
        String p = params.entrySet().stream().map(e -> e.getKey() + "=" + display(e.getKey(), e.getValue()))
                .collect(Collectors.joining(" "));
        String t = threadGroups == null ? "threads=" + threads
                : "groups=" + java.util.Arrays.stream(threadGroups).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return benchmark + "." + m + (p.isEmpty() ? "" : " " + p) + " " + t;
    }

    private static String display(String param, String value) {
        return "counter".equals(param) ? io.counterbench.counters.CounterId.parse(value).id() : value;
    }
}
