package io.counterbench.results.gate;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Mode;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/** How the gate matches rows of two runs: benchmark, parameters, threads (and thread groups), mode. */
public record RowKey(String benchmark, SortedMap<String, String> params, int threads, String groups, Mode mode) {

    public static RowKey of(JmhResult r) {
        return new RowKey(
                r.benchmark(),
                new TreeMap<>(r.params()),
                r.threads(),
                r.threadGroups().length == 0 ? "" : Arrays.toString(r.threadGroups()),
                r.mode());
    }

    /** The same key without the mode, to tell "mixed modes" from "missing". */
    public RowKey withoutMode() {
        return new RowKey(benchmark, params, threads, groups, null);
    }
}
