package io.counterbench.results.report.section;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.report.CpuCount;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.ResultRow;
import io.counterbench.results.report.Scores;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.chart.SeriesStyle;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * OOM-style selection time against the CPU count of the counters' topology (SelectionBenchmark):
 * one chart per process count, a line per counter and method, the approximate compare with
 * precise fallback filled, always-precise hollow, each point the median of its fork scores with
 * their interval.
 */
final class SelectionCharts {
    static final String CLASS = "SelectionBenchmark";
    static final String PRECISE = "alwaysPrecise";

    private SelectionCharts() {}

    static void add(ReportContext ctx, List<ResultRow> group, Report out) {
        if (!group.getFirst().result().className().equals(CLASS)) {
            return;
        }
        Map<String, List<ResultRow>> byProcesses = new LinkedHashMap<>();
        for (ResultRow r : group) {
            byProcesses
                    .computeIfAbsent(String.valueOf(r.result().param("processes")), k -> new ArrayList<>())
                    .add(r);
        }
        for (Map.Entry<String, List<ResultRow>> e : byProcesses.entrySet()) {
            SeriesSet s = new SeriesSet();
            TreeSet<Integer> ns = new TreeSet<>();
            int forks = Integer.MAX_VALUE;
            List<String> unknown = new ArrayList<>();
            for (ResultRow rr : e.getValue()) {
                JmhResult r = rr.result();
                int n = CpuCount.of(rr.run(), r);
                if (n <= 0) {
                    unknown.add(r.paramLabel());
                    continue;
                }
                ns.add(n);
                Scores sc = Scores.of(r.primary());
                forks = Math.min(forks, sc.forks().forks());
                boolean precise = r.method().equals(PRECISE);
                SeriesStyle style = ThroughputCharts.style(rr, List.of());
                String name = ThroughputCharts.seriesName(ctx, rr, false, ctx.tellApart(group))
                        + (precise ? ", always precise" : ", approximate + fallback");
                s.add(name, precise ? style.asHollow() : style, n, sc);
            }
            if (s.isEmpty()) {
                continue;
            }
            String unit = e.getValue().getFirst().result().primary().unit();
            String measured = ns.size() == 1 ? " Measured at N = " + ns.first() + " only." : "";
            out.add(new Block.Chart(
                    ThroughputCharts.slug(CLASS + "-processes-" + e.getKey()),
                    new ChartSpec(
                            "OOM selection among " + e.getKey()
                                    + " processes: what does an approximate compare with precise fallback save?",
                            CLASS + "; " + unit
                                    + " per selection, lower is better; filled: approximate compare, precise sums "
                                    + "only where the bounds overlap; hollow: a precise sum of every counter; "
                                    + (forks <= 1
                                            ? "1 fork per point: no interval."
                                            : "median of the fork scores with their interval.")
                                    + measured,
                            "CPUs of the counters' topology (N)",
                            unit,
                            true,
                            true,
                            s.series())));
        }
    }
}
