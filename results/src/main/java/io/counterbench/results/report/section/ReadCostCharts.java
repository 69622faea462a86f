package io.counterbench.results.report.section;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.ResultRow;
import io.counterbench.results.report.Scores;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import java.util.List;

/**
 * Read cost against the CPU count a counter is built for: for a time-mode benchmark with a numeric
 * "cpus" parameter (ReadBenchmark), one log-log chart per read method, a line per counter (line
 * style per machine when merged), each point the median of its fork scores with their interval.
 */
final class ReadCostCharts {
    private ReadCostCharts() {}

    static void add(ReportContext ctx, List<ResultRow> group, Report out) {
        List<ResultRow> rows = group.stream()
                .filter(r -> r.result().param("cpus") != null
                        && r.result().param("cpus").matches("\\d+"))
                .toList();
        if (rows.stream().map(r -> r.result().param("cpus")).distinct().count() < 2) {
            return;
        }
        for (String method :
                rows.stream().map(r -> r.result().method()).distinct().toList()) {
            SeriesSet s = new SeriesSet();
            int forks = Integer.MAX_VALUE;
            JmhResult first = null;
            for (ResultRow rr : rows) {
                JmhResult r = rr.result();
                if (!r.method().equals(method)) {
                    continue;
                }
                first = first == null ? r : first;
                Scores sc = Scores.of(r.primary());
                forks = Math.min(forks, sc.forks().forks());
                s.add(
                        ThroughputCharts.seriesName(ctx, rr, false, ctx.tellApart(rows)),
                        ThroughputCharts.style(rr, List.of()),
                        Double.parseDouble(r.param("cpus")),
                        sc);
            }
            String unit = first.primary().unit();
            out.add(new Block.Chart(
                    ThroughputCharts.slug(first.className() + "-" + method + "-by-cpus"),
                    new ChartSpec(
                            method + "(): how does a read's cost grow with the CPUs a counter is built for?",
                            first.className() + "." + method + "; " + unit
                                    + ", lower is better; counters built for N virtual CPUs and read "
                                    + "on this machine, cache-hot: an instruction-cost figure, not remote cache "
                                    + "misses; "
                                    + (forks <= 1
                                            ? "1 fork per point: no interval."
                                            : "median of the fork scores with their interval."),
                            "CPUs the counter is built for (N)",
                            unit,
                            true,
                            true,
                            s.series())));
        }
    }
}
