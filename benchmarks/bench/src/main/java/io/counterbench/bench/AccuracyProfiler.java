package io.counterbench.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Puts accuracy next to throughput: after each measurement iteration it turns what
 * {@link AccuracyProbe} saw into secondary metrics of the same result row:
 * <ul>
 *   <li>{@code accuracy.worst} (counts, MAX): |approximate - truth| with writers quiescent, where the
 *       truth is the exact sum the writers tallied;</li>
 *   <li>{@code accuracy.lost} (counts, MAX): |precise - truth|, updates the counter lost or invented
 *       (must be 0);</li>
 *   <li>{@code accuracy.bound}, {@code accuracy.bound.under}, {@code accuracy.bound.over} (counts, MAX):
 *       the counter's analytic bound, computed from its structure;</li>
 *   <li>{@code accuracy.violations} (count, SUM): quiescent probes where precise differed from the
 *       truth or approximate lay outside the bound around it (must be 0);</li>
 *   <li>{@code accuracy.inflight.worst} (counts, MAX): in reader/writer groups, the distance of each
 *       approximate read from the window of exact values possible during that read.</li>
 * </ul>
 * A benchmark that did not probe reports nothing; an unmeasured value is NaN, never 0.
 * Enable with {@code -prof io.counterbench.bench.AccuracyProfiler} (run-bench.sh run always does).
 */
public final class AccuracyProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "counterbench accuracy probe: precise and approximate at quiescence against the writers' exact tallies";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        AccuracyProbe.drain();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        AccuracyProbe.Snapshot s = AccuracyProbe.drain();
        List<Result> out = new ArrayList<>();
        if (s.measured()) {
            out.add(new ScalarResult("accuracy.worst", s.worst(), "counts", AggregationPolicy.MAX));
            out.add(new ScalarResult("accuracy.lost", s.lost(), "counts", AggregationPolicy.MAX));
            out.add(new ScalarResult("accuracy.bound", Math.max(s.under(), s.over()), "counts", AggregationPolicy.MAX));
            out.add(new ScalarResult("accuracy.bound.under", s.under(), "counts", AggregationPolicy.MAX));
            out.add(new ScalarResult("accuracy.bound.over", s.over(), "counts", AggregationPolicy.MAX));
            out.add(new ScalarResult("accuracy.violations", s.violations(), "count", AggregationPolicy.SUM));
        }
        if (s.inflightReads() > 0) {
            out.add(new ScalarResult("accuracy.inflight.worst", s.inflightWorst(), "counts", AggregationPolicy.MAX));
        }
        return out;
    }
}
