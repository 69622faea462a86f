package io.counterbench.sim;

import io.counterbench.counters.CounterType;
import io.counterbench.results.jmh.ForkScore;
import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Mode;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.util.InputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a run the advisor reads, each as ns per operation of one thread: the median over
 * forks of each fork's best iteration (as ab scores forks: on a shared machine other work only
 * ever adds time, so a fork's best iteration is its least disturbed estimate):
 * UpdateBenchmark.inc (the update's fast path at 1 thread, the measured update at more),
 * MixBenchmark (the measured mix) and ReadBenchmark (a read's instruction cost by CPU count,
 * cache-hot). Writer rows are matched on cpu=lookup, placement=compact and topology=host where
 * the run has them, as the simulator's --fast-path does.
 */
final class AdviceRows {
    private static final Map<String, String> PREFERRED =
            Map.of("topology", "host", "placement", "compact", "cpu", "lookup");

    private final RunInput run;

    AdviceRows(RunInput run) {
        this.run = run;
    }

    RunInput run() {
        return run;
    }

    /**
     * UpdateBenchmark.&lt;method&gt; (inc, rssMix, random) of {@code id} at {@code threads}, ns per add of one thread,
     * or NaN.
     */
    double update(CounterType id, String method, int threads) {
        return find("UpdateBenchmark", method, id, threads, Map.of());
    }

    /**
     * MixBenchmark.&lt;read&gt; at {@code threads} and {@code updatesPerRead}: ns per add (its share of the reads
     * included), or NaN.
     */
    double mix(CounterType id, ReadMix.Kind read, long updatesPerRead, int threads) {
        return find("MixBenchmark", read.label(), id, threads, Map.of("updatesPerRead", Long.toString(updatesPerRead)));
    }

    /** ReadBenchmark.&lt;read&gt; of {@code id} by the CPU count the counter was built for (ns per read), ascending. */
    TreeMap<Integer, Double> reads(CounterType id, ReadMix.Kind read) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (JmhResult r : run.results()) {
            if (r.className().equals("ReadBenchmark")
                    && r.method().equals(read.label())
                    && JmhResult.sameCounter(r.param("counter"), id.id())
                    && r.param("cpus") != null) {
                out.put(Integer.parseInt(r.param("cpus")), nanos(r, 1));
            }
        }
        return out;
    }

    private double find(String cls, String method, CounterType id, int threads, Map<String, String> params) {
        List<JmhResult> match = run.results().stream()
                .filter(r -> r.className().equals(cls)
                        && r.method().equals(method)
                        && r.threads() == threads
                        && JmhResult.sameCounter(r.param("counter"), id.id())
                        && params.entrySet().stream().allMatch(p -> p.getValue().equals(r.param(p.getKey()))))
                .toList();
        for (Map.Entry<String, String> p : PREFERRED.entrySet()) {
            if (match.stream().anyMatch(r -> p.getValue().equals(r.param(p.getKey())))) {
                match = match.stream()
                        .filter(r -> p.getValue().equals(r.param(p.getKey())))
                        .toList();
            }
        }
        if (match.isEmpty()) {
            return Double.NaN;
        }
        if (match.size() > 1) {
            throw InputException.of(
                    run.source(),
                    match.size() + " rows for " + cls + "." + method + " counter="
                            + id.id()
                            + " threads=" + threads + "; keep one run's rows per folder");
        }
        return nanos(match.getFirst(), threads);
    }

    /** The median over forks in ns per operation of one thread (throughput rows: threads x 1000 / ops per us). */
    private double nanos(JmhResult r, int threads) {
        double median = ForkScores.of(r.primary(), ForkScore.BEST, r.mode() == Mode.THROUGHPUT)
                .median();
        String unit =
                r.primary().unit() == null ? "" : r.primary().unit().strip().toLowerCase(Locale.ROOT);
        if (r.mode() == Mode.THROUGHPUT) {
            double perNs = switch (unit) {
                case "ops/ns" -> 1;
                case "ops/us" -> 1e-3;
                case "ops/ms" -> 1e-6;
                case "ops/s" -> 1e-9;
                default ->
                    throw InputException.of(
                            run.source(), r.label(true) + ": unit '" + unit + "' is no rate this reads");
            };
            return threads / (median * perNs);
        }
        double ns = switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default ->
                throw InputException.of(
                        run.source(), r.label(true) + ": unit '" + unit + "' is no time per op this reads");
        };
        return median * ns;
    }
}
