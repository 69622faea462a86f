package io.counterbench.cli.ab;

import io.counterbench.cli.run.PlanEntry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row ab gates: a benchmark method (or @Group) of io.counterbench.bench with one parameter
 * set and thread layout; each of its forks is one JMH invocation with exactly these settings.
 *
 * @param method "UpdateBenchmark.inc" (class and method or group)
 * @param threadGroups null for plain benchmarks, else JMH's -tg layout
 * @param gcProfiler whether its forks run JMH's gc profiler (allocation benchmarks)
 */
public record AbRow(
        int index, String method, Map<String, String> params, int threads, int[] threadGroups, boolean gcProfiler) {

    public AbRow {
        params = new LinkedHashMap<>(params);
        threadGroups = threadGroups == null ? null : threadGroups.clone();
    }

    /** JMH's include regex for exactly this method. */
    public String includeRegex() {
        int dot = method.indexOf('.');
        return PlanEntry.includeRegex(method.substring(0, dot), List.of(method.substring(dot + 1)));
    }

    /** "UpdateBenchmark.inc counter=tree cpu=lookup placement=compact topology=host threads=1". */
    public String label() {
        return PlanEntry.label(method, params, threads, threadGroups);
    }

    public List<Integer> groupList() {
        return threadGroups == null ? null : Arrays.stream(threadGroups).boxed().toList();
    }
}
