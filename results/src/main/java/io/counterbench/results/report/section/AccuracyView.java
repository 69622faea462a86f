package io.counterbench.results.report.section;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.report.Columns;
import io.counterbench.results.report.CpuCount;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.ResultRow;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.chart.SeriesStyle;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Fmt;
import io.counterbench.results.report.write.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accuracy against CPU count: per benchmark class and counter, the worst deviation observed and
 * the analytic bound at each CPU count the results cover (see {@link CpuCount}), as a table, and a
 * log-log chart for each benchmark that covers two CPU counts or more (worst with markers, bound a
 * thin dashed line, one colour per counter). Benchmarks are never mixed in one line: their deltas
 * differ, and a line through them draws steps that are not there. Exact counters (bound 0) are in
 * the table but cannot be drawn on a log scale.
 */
final class AccuracyView {
    private AccuracyView() {}

    private static final class Cell {
        double worst = Double.NaN;
        double under = Double.NaN;
        double over = Double.NaN;
        double bound = Double.NaN;
        double violations = 0;
        final Set<String> from = new LinkedHashSet<>();
    }

    static void add(ReportContext ctx, List<ResultRow> rows, Report out) {
        // benchmark class -> counter -> CPU count -> cell: values of different benchmarks never share a cell or a line
        Map<String, Map<String, TreeMap<Integer, Cell>>> byClass = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (ResultRow rr : rows) {
            JmhResult r = rr.result();
            if (r.secondary(Columns.ACCURACY_WORST) == null || r.param("counter") == null) {
                continue;
            }
            int n = CpuCount.of(rr.run(), r);
            if (n <= 0) {
                unknown.add(r.param("topology") == null ? r.shortName() : "topology=" + r.param("topology"));
                continue;
            }
            Cell c = byClass.computeIfAbsent(r.className(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(JmhResult.displayValue("counter", r.param("counter")), k -> new TreeMap<>())
                    .computeIfAbsent(n, k -> new Cell());
            c.worst = max(c.worst, r.secondaryScore(Columns.ACCURACY_WORST));
            c.under = max(c.under, r.secondaryScore(Columns.BOUND_UNDER));
            c.over = max(c.over, r.secondaryScore(Columns.BOUND_OVER));
            c.bound = max(c.bound, r.secondaryScore(Columns.BOUND));
            double v = r.secondaryScore(Columns.VIOLATIONS);
            c.violations += Double.isNaN(v) ? 0 : v;
            c.from.add(r.method());
        }
        if (byClass.isEmpty()) {
            return;
        }
        out.heading(3, "Accuracy against CPU count");
        out.paragraph(
                "Per benchmark, counter and CPU count: the worst |approximate - truth| the probe saw with writers "
                        + "quiescent (truth: the writers' exact tallies), and the analytic bound (under / over). CPU "
                        + "count: the cpus parameter, else the row's topology (host = this machine). Benchmarks "
                        + "differ in their deltas (inc adds 1, random and rssMix larger ones, lifecycle a few adds), "
                        + "so each keeps its own rows and its own chart; the simulator's scale chart shows the bounds "
                        + "from 8 to 4096 CPUs.");
        List<List<String>> table = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        for (Map.Entry<String, Map<String, TreeMap<Integer, Cell>>> cls : byClass.entrySet()) {
            SeriesSet series = new SeriesSet();
            TreeSet<Integer> ns = new TreeSet<>();
            for (Map.Entry<String, TreeMap<Integer, Cell>> e : cls.getValue().entrySet()) {
                boolean drawable = false;
                for (Map.Entry<Integer, Cell> ce : e.getValue().entrySet()) {
                    Cell c = ce.getValue();
                    double b = Double.isNaN(c.bound) ? max(c.under, c.over) : c.bound;
                    String boundText = Double.isNaN(c.under) || Double.isNaN(c.over)
                            ? Fmt.count(b)
                            : c.under == c.over ? Fmt.count(c.under) : Fmt.count(c.under) + " / " + Fmt.count(c.over);
                    table.add(List.of(
                            cls.getKey(),
                            e.getKey(),
                            String.valueOf(ce.getKey()),
                            Fmt.count(c.worst),
                            boundText,
                            b > 0 && Double.isFinite(c.worst)
                                    ? String.format(java.util.Locale.ROOT, "%.0f%%", 100 * c.worst / b)
                                    : "",
                            Fmt.count(c.violations),
                            String.join(", ", c.from)));
                    ns.add(ce.getKey());
                    series.add(
                            e.getKey(), SeriesStyle.counter(e.getKey(), 0), ChartSpec.Point.of(ce.getKey(), c.worst));
                    series.addBound(e.getKey(), ChartSpec.Point.of(ce.getKey(), b));
                    drawable |= b > 0 || c.worst > 0;
                }
                if (!drawable && !exact.contains(e.getKey())) {
                    exact.add(e.getKey());
                }
            }
            ChartSpec spec = new ChartSpec(
                    cls.getKey() + ": how far is the cheap read off at quiescence, against N?",
                    "Worst |approximate - truth| the probe saw with writers quiescent (markers) and the analytic "
                            + "bound (thin dashed line, the larger of under and over), in counts; exact counters "
                            + "(bound 0) cannot be drawn on a log axis.",
                    "CPUs (N)",
                    "counts",
                    true,
                    true,
                    series.series());
            if (ns.size() >= 2 && spec.drawable()) {
                out.add(new Block.Chart(ThroughputCharts.slug(cls.getKey() + "-accuracy-by-cpus"), spec));
            }
        }
        out.add(new Block.Table(
                "worst/bound: how much of the bound the worst observed deviation used",
                List.of(
                        "benchmark",
                        "counter",
                        "CPUs",
                        "worst (counts)",
                        "bound under / over (counts)",
                        "worst/bound",
                        "violations",
                        "methods"),
                List.of(false, false, true, true, true, true, true, false),
                table));
        if (!exact.isEmpty()) {
            out.note("Exact counters, bound 0, nothing to draw on a log axis: " + String.join(", ", exact) + ".");
        }
        if (!unknown.isEmpty()) {
            out.note("Rows left out of the accuracy view, CPU count unknown: " + String.join(", ", unknown) + ".");
        }
        if (ctx.merged()) {
            out.note("Merged runs: each cell is the largest value over all machines.");
        }
    }

    private static double max(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : Math.max(a, b);
    }
}
