package io.counterbench.results.report.section;

import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.chart.CounterStyle;
import io.counterbench.results.report.chart.SeriesStyle;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.trend.ChangePoint;
import io.counterbench.results.trend.RowTrend;
import io.counterbench.results.trend.SeriesPoint;
import io.counterbench.results.trend.TrendResult;
import io.counterbench.results.trend.TrendText;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * trend's report: the change points as text, then one chart per row: each run's cost against the
 * reference jar (x: the run's place in commit order) with the run's own interval, the median of
 * every segment between change points as a grey line, and each change point as a red cross at
 * the first run after it, its legend naming that commit and the magnitude.
 */
public final class TrendCharts {
    private static final Pattern COUNTER = Pattern.compile("counter=(\\S+)");
    private static final SeriesStyle CHANGE =
            new SeriesStyle(new Color(0xC00000), CounterStyle.Marker.CROSS, 0, false, SeriesStyle.Kind.MEASURED);

    private TrendCharts() {}

    /** The whole report of one series. */
    public static Report report(TrendResult r) {
        Report out = new Report("counterbench trend");
        out.paragraph(TrendText.text(r).lines().findFirst().orElse(""));
        out.heading(2, "Change points per row");
        List<List<String>> rows = new ArrayList<>();
        for (RowTrend row : r.rows()) {
            for (ChangePoint c : row.changes()) {
                rows.add(List.of(
                        row.row(),
                        c.first().shortCommit(),
                        c.first().commitTime(),
                        String.valueOf(c.index() + 1),
                        fmt(c.ratio()),
                        c.bounded() ? fmt(c.lower()) + " - " + fmt(c.upper()) : "",
                        String.format(Locale.ROOT, "%.3g", c.p())));
            }
            if (row.changes().isEmpty()) {
                rows.add(List.of(row.row(), "none", "", "", "", "", ""));
            }
        }
        out.add(new Block.Table(
                "change points (magnitude: median after / median before, cost relative to the reference jar)",
                List.of("row", "first commit after", "commit time", "run", "magnitude (x)", "95% interval", "p"),
                List.of(false, false, false, true, true, false, true),
                rows));
        out.heading(2, "Series");
        int i = 0;
        for (RowTrend row : r.rows()) {
            out.add(new Block.Chart("trend-" + (++i), chart(row)));
        }
        return out;
    }

    static ChartSpec chart(RowTrend row) {
        Matcher m = COUNTER.matcher(row.row());
        String counter = m.find() ? m.group(1) : "other";
        SeriesSet set = new SeriesSet();
        List<SeriesPoint> pts = row.points();
        // first, so that they are drawn over the runs' markers
        for (ChangePoint c : row.changes()) {
            set.add(
                    "change before " + c.first().shortCommit() + " (" + c.percent() + ")",
                    CHANGE,
                    ChartSpec.Point.of(c.index() + 1, c.first().ratio()));
        }
        for (int k = 0; k < pts.size(); k++) {
            SeriesPoint p = pts.get(k);
            double lo = p.lower() == null ? Double.NaN : Math.exp(p.lower());
            double hi = p.upper() == null ? Double.NaN : Math.exp(p.upper());
            set.add(
                    "this commit / reference",
                    SeriesStyle.counter(counter, 0),
                    new ChartSpec.Point(k + 1, p.ratio(), lo, hi));
        }
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        row.changes().forEach(c -> cuts.add(c.index()));
        cuts.add(pts.size());
        for (int s = 0; s + 1 < cuts.size(); s++) {
            double[] seg = pts.subList(cuts.get(s), cuts.get(s + 1)).stream()
                    .mapToDouble(SeriesPoint::estimate)
                    .sorted()
                    .toArray();
            double med = Math.exp(
                    seg.length % 2 == 1 ? seg[seg.length / 2] : (seg[seg.length / 2 - 1] + seg[seg.length / 2]) / 2);
            for (int k = cuts.get(s); k < cuts.get(s + 1); k++) {
                set.add("segment median", SeriesStyle.reference(1), ChartSpec.Point.of(k + 1, med));
            }
        }
        String sub =
                "Each run's cost relative to the pinned reference jar (above 1: slower), with its interval; x is the "
                        + "run's place in commit order (" + pts.getFirst().shortCommit() + " .. "
                        + pts.getLast().shortCommit() + ").";
        return new ChartSpec(
                row.row(), sub, "run (commit order)", "cost / reference (log scale)", false, true, set.series());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
