package io.counterbench.results.report.section;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.jmh.Speedup;
import io.counterbench.results.report.Columns;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.ResultRow;
import io.counterbench.results.report.Scores;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.chart.SeriesStyle;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Throughput against threads, one chart per update mix (benchmark method) and per combination of
 * the other parameters but counter and placement, a line per counter (and placement; and machine,
 * line style, when merged), each point the median of its fork scores with their interval; and the
 * same as speedup vs LongAdder with the interval of the per-fork ratios. @Group rows are left to
 * their table (their primary score is a sum over reader and writers).
 */
final class ThroughputCharts {
    private ThroughputCharts() {}

    static void add(ReportContext ctx, List<ResultRow> group, Report out) {
        if (Columns.grouped(group)) {
            return;
        }
        Map<RunInput, Reference> adders = new IdentityHashMap<>();
        ctx.runs().forEach(run -> adders.put(run, new Reference(run.results(), Speedup.REFERENCE)));
        Map<String, List<ResultRow>> parts = new LinkedHashMap<>();
        for (ResultRow r : group) {
            TreeMap<String, String> rest = new TreeMap<>(r.result().params());
            rest.remove("counter");
            rest.remove("placement");
            StringBuilder key = new StringBuilder(r.result().method());
            rest.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
            parts.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<ResultRow>> part : parts.entrySet()) {
            List<ResultRow> rows = part.getValue();
            List<Integer> threads = rows.stream()
                    .map(r -> r.result().threads())
                    .distinct()
                    .sorted()
                    .toList();
            if (threads.size() < 2) {
                continue;
            }
            List<String> placements = rows.stream()
                    .map(r -> String.valueOf(r.result().param("placement")))
                    .distinct()
                    .toList();
            SeriesSet abs = new SeriesSet();
            SeriesSet rel = new SeriesSet();
            int forks = Integer.MAX_VALUE;
            for (ResultRow rr : rows) {
                JmhResult r = rr.result();
                String name = seriesName(ctx, rr, placements.size() > 1, ctx.tellApart(rows));
                SeriesStyle style = style(rr, placements);
                Scores s = Scores.of(r.primary());
                forks = Math.min(forks, s.forks().forks());
                abs.add(name, style, r.threads(), s);
                Scores sp = Scores.speedup(adders.get(rr.run()), r, r.primary(), null);
                if (sp != null) {
                    rel.add(name, style, r.threads(), sp);
                }
            }
            JmhResult first = rows.getFirst().result();
            String unit = first.primary().unit();
            String what = first.className() + "." + part.getKey();
            boolean xLog = threads.getLast() / (double) threads.getFirst() >= 8;
            String stats = forks <= 1
                    ? "1 fork per point: no interval"
                    : "median of " + forks + "+ fork scores with their interval";
            out.add(new Block.Chart(
                    slug(what + "-throughput"),
                    new ChartSpec(
                            first.method() + ": how does update throughput scale with threads?",
                            what + "; " + unit + ", higher is better; " + stats + ".",
                            "threads",
                            unit,
                            xLog,
                            false,
                            abs.series())));
            if (rel.size() > 0) {
                List<ChartSpec.Series> series = new ArrayList<>(rel.series());
                series.add(new ChartSpec.Series(
                        "LongAdder = 1",
                        threads.stream().map(t -> ChartSpec.Point.of(t, 1)).toList(),
                        SeriesStyle.reference(1)));
                out.add(new Block.Chart(
                        slug(what + "-vs-adder"),
                        new ChartSpec(
                                first.method() + ": how many times faster than LongAdder?",
                                what
                                        + "; speedup vs LongAdder (throughput / LongAdder's, same run and threads), "
                                        + "higher is better; "
                                        + (forks <= 1
                                                ? "1 fork per point: no interval"
                                                : "median of the per-fork ratios with their interval")
                                        + ".",
                                "threads",
                                "speedup vs LongAdder (x)",
                                xLog,
                                false,
                                series)));
            }
        }
    }

    /** Colour and marker from the counter id, line style from the run, hollow for the second placement. */
    static SeriesStyle style(ResultRow rr, List<String> placements) {
        JmhResult r = rr.result();
        String c = r.param("counter");
        SeriesStyle s =
                SeriesStyle.counter(c == null ? r.method() : JmhResult.displayValue("counter", c), rr.runIndex());
        return placements.indexOf(String.valueOf(r.param("placement"))) > 0 ? s.asHollow() : s;
    }

    static String seriesName(ReportContext ctx, ResultRow rr, boolean placements, boolean tellApart) {
        JmhResult r = rr.result();
        String c = r.param("counter");
        StringBuilder n = new StringBuilder(c == null ? r.method() : JmhResult.displayValue("counter", c));
        if (placements && r.param("placement") != null) {
            n.append(' ').append(r.param("placement"));
        }
        if (tellApart) {
            n.append(" @ ").append(ctx.shortLabel(rr.run()));
        }
        return n.toString();
    }

    static String slug(String s) {
        return s.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
