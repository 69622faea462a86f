package io.counterbench.results.jmh;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds, within one run, the row of a reference counter that matches a row: same benchmark, mode,
 * threads and parameters, except the "counter" parameter. The report's speedup vs LongAdder ({@link Speedup}) and the
 * gate's --normalize-by use it.
 */
public final class Reference {
    public static final String COUNTER_PARAM = "counter";

    private final String counter;
    private final Map<Key, JmhResult> byKey = new HashMap<>();

    private record Key(String benchmark, Mode mode, int threads, SortedMap<String, String> otherParams) {}

    /** Indexes the rows of {@code results} (one run) whose counter is {@code counter} ("adder" or "ADDER"). */
    public Reference(List<JmhResult> results, String counter) {
        this.counter = counter;
        for (JmhResult r : results) {
            if (JmhResult.sameCounter(r.param(COUNTER_PARAM), counter)) {
                byKey.putIfAbsent(key(r), r);
            }
        }
    }

    /** The reference row for {@code r}, or null (no counter parameter, or no such row in the run). */
    public JmhResult find(JmhResult r) {
        if (r.param(COUNTER_PARAM) == null) {
            return null;
        }
        return byKey.get(key(r));
    }

    /** r's score divided by its reference row's score; NaN when there is none. */
    public double ratio(JmhResult r) {
        JmhResult ref = find(r);
        return ref == null || !Objects.equals(ref.primary().unit(), r.primary().unit())
                ? Double.NaN
                : r.primary().score() / ref.primary().score();
    }

    /** True when r is itself a row of the reference counter. */
    public boolean isReference(JmhResult r) {
        return JmhResult.sameCounter(r.param(COUNTER_PARAM), counter);
    }

    /** The reference counter as given ("adder"). */
    public String counter() {
        return counter;
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    private static Key key(JmhResult r) {
        TreeMap<String, String> p = new TreeMap<>(r.params());
        p.remove(COUNTER_PARAM);
        return new Key(r.benchmark(), r.mode(), r.threads(), p);
    }
}
