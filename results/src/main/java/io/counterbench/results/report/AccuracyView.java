package io.counterbench.results.report;

import io.counterbench.results.jmh.JmhResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accuracy against CPU count: for every counter, the worst deviation observed and the analytic
 * bound at each CPU count the results cover (see {@link CpuCount}), as a table and a log-log
 * chart (worst solid, bound dashed, one colour per counter). Exact counters (bound 0) are in the
 * table but cannot be drawn on a log scale.
 */
final class AccuracyView {
    private AccuracyView() {
    }

    private static final class Cell {
        double worst = Double.NaN;
        double under = Double.NaN;
        double over = Double.NaN;
        double bound = Double.NaN;
        double violations = 0;
        final Set<String> from = new LinkedHashSet<>();
    }

    static void add(ReportContext ctx, List<ResultRow> rows, Report out) {
        Map<String, TreeMap<Integer, Cell>> byCounter = new LinkedHashMap<>();
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
            Cell c = byCounter.computeIfAbsent(JmhResult.displayValue("counter", r.param("counter")), k -> new TreeMap<>())
                    .computeIfAbsent(n, k -> new Cell());
            c.worst = max(c.worst, r.secondaryScore(Columns.ACCURACY_WORST));
            c.under = max(c.under, r.secondaryScore(Columns.BOUND_UNDER));
            c.over = max(c.over, r.secondaryScore(Columns.BOUND_OVER));
            c.bound = max(c.bound, r.secondaryScore(Columns.BOUND));
            double v = r.secondaryScore(Columns.VIOLATIONS);
            c.violations += Double.isNaN(v) ? 0 : v;
            c.from.add(r.className());
        }
        if (byCounter.isEmpty()) {
            return;
        }
        out.heading(3, "Accuracy against CPU count");
        out.paragraph("Per counter and CPU count: the worst |approximate - truth| any benchmark saw with writers quiescent (truth: the writers' exact tallies), "
                + "and the analytic bound (under / over). CPU count: the cpus parameter, else the row's topology (host = this machine).");
        List<List<String>> table = new ArrayList<>();
        List<ChartSpec.Series> series = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        int color = 0;
        for (Map.Entry<String, TreeMap<Integer, Cell>> e : byCounter.entrySet()) {
            List<ChartSpec.Point> worst = new ArrayList<>();
            List<ChartSpec.Point> bound = new ArrayList<>();
            boolean drawable = false;
            for (Map.Entry<Integer, Cell> ce : e.getValue().entrySet()) {
                Cell c = ce.getValue();
                double b = Double.isNaN(c.bound) ? max(c.under, c.over) : c.bound;
                String boundText = Double.isNaN(c.under) || Double.isNaN(c.over) ? Fmt.count(b)
                        : c.under == c.over ? Fmt.count(c.under) : Fmt.count(c.under) + " / " + Fmt.count(c.over);
                table.add(List.of(e.getKey(), String.valueOf(ce.getKey()), Fmt.count(c.worst), boundText,
                        b > 0 && Double.isFinite(c.worst) ? String.format(java.util.Locale.ROOT, "%.0f%%", 100 * c.worst / b) : "",
                        Fmt.count(c.violations), String.join(", ", c.from)));
                worst.add(ChartSpec.Point.of(ce.getKey(), c.worst));
                bound.add(ChartSpec.Point.of(ce.getKey(), b));
                drawable |= b > 0 || c.worst > 0;
            }
            if (!drawable) {
                exact.add(e.getKey());
                continue;
            }
            series.add(new ChartSpec.Series(e.getKey() + " worst", worst, false, color));
            series.add(new ChartSpec.Series(e.getKey() + " bound", bound, true, color));
            color++;
        }
        out.add(new Block.Table("worst/bound: how much of the bound the worst observed deviation used",
                List.of("counter", "CPUs", "worst (counts)", "bound under / over (counts)", "worst/bound", "violations", "from"),
                List.of(false, true, true, true, true, true, false), table));
        ChartSpec spec = new ChartSpec("Accuracy: worst observed (solid) and bound (dashed) against CPU count", "CPUs", "counts",
                true, true, series);
        if (spec.drawable()) {
            out.add(new Block.Chart("accuracy-by-cpus", spec));
        }
        if (!exact.isEmpty()) {
            out.note("Not drawn (exact, bound 0, nothing to show on a log scale): " + String.join(", ", exact) + ".");
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
