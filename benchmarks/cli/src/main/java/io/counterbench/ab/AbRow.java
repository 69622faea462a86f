package io.counterbench.ab;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row ab gates: a benchmark method (or @Group) of io.counterbench.bench with one parameter
 * set and thread layout; each of its forks is one JMH invocation with exactly these settings.
 *
 * @param method "UpdateBenchmark.inc" (class and method or group)
 * @param threadGroups null for plain benchmarks, else JMH's -tg layout
 * @param gcProfiler whether its forks run JMH's gc profiler (allocation benchmarks)
 */
public record AbRow(int index, String method, Map<String, String> params, int threads, int[] threadGroups, boolean gcProfiler) {

    public AbRow {
        params = new LinkedHashMap<>(params);
        threadGroups = threadGroups == null ? null : threadGroups.clone();
    }

    /** JMH's include regex for exactly this method. */
    public String includeRegex() {
        return "^\\Q" + BenchmarkJar.PACKAGE + method + "\\E$";
    }

    /** "UpdateBenchmark.inc counter=tree cpu=lookup placement=compact topology=host threads=1". */
    public String label() {
        String p = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        String t = threadGroups == null ? "threads=" + threads
                : "groups=" + Arrays.stream(threadGroups).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return method + (p.isEmpty() ? "" : " " + p) + " " + t;
    }

    public List<Integer> groupList() {
        return threadGroups == null ? null : Arrays.stream(threadGroups).boxed().toList();
    }
}
