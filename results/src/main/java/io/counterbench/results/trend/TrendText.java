package io.counterbench.results.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** trend's console text and its Markdown summary (the job summary of the nightly workflow). */
public final class TrendText {

    private TrendText() {}

    /**
     * Per row: its runs, each change point with the first commit after it, magnitude, interval, p; then the verdict.
     */
    public static String text(TrendResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(header(r)).append('\n');
        for (RowTrend row : r.rows()) {
            sb.append('\n')
                    .append(row.row())
                    .append("  (")
                    .append(row.points().size())
                    .append(" runs)\n");
            if (row.changes().isEmpty()) {
                sb.append("  no change point").append(rejected(row)).append('\n');
            }
            for (ChangePoint c : row.changes()) {
                sb.append("  ").append(line(c, r)).append('\n');
            }
        }
        sb.append('\n').append(verdict(r)).append('\n');
        return sb.toString();
    }

    /** The same as a Markdown table, for $GITHUB_STEP_SUMMARY. */
    public static String markdown(TrendResult r) {
        StringBuilder sb = new StringBuilder("### counterbench trend\n\n");
        sb.append(header(r)).append("\n\n");
        sb.append("| row | runs | first commit after the change | magnitude (after / before) | 95% interval | p | |\n");
        sb.append("|---|---:|---|---:|---|---:|---|\n");
        for (RowTrend row : r.rows()) {
            if (row.changes().isEmpty()) {
                sb.append("| ")
                        .append(row.row())
                        .append(" | ")
                        .append(row.points().size())
                        .append(" | no change point | | | | |\n");
            }
            for (ChangePoint c : row.changes()) {
                sb.append("| ")
                        .append(row.row())
                        .append(" | ")
                        .append(row.points().size())
                        .append(" | `")
                        .append(c.first().shortCommit())
                        .append("` (")
                        .append(c.first().commitTime())
                        .append(") | ")
                        .append(fmt(c.ratio()))
                        .append("x (")
                        .append(c.percent())
                        .append(") | ")
                        .append(interval(c))
                        .append(" | ")
                        .append(p(c.p()))
                        .append(" | ")
                        .append(flag(c, r))
                        .append(" |\n");
            }
        }
        sb.append('\n').append(verdict(r)).append('\n');
        return sb.toString();
    }

    private static String header(TrendResult r) {
        return "series: " + r.machine() + ", reference jar SHA-256 "
                + r.reference().substring(0, Math.min(12, r.reference().length()))
                + "..., " + r.commits() + " commits, " + r.rows().size() + " rows; E-Divisive means, "
                + r.options().detector().permutations()
                + " permutations (seed " + r.options().detector().seed() + "), change points at p <= "
                + r.options().detector().significance();
    }

    static String line(ChangePoint c, TrendResult r) {
        List<String> parts = new ArrayList<>();
        parts.add("change before " + c.first().shortCommit() + " (" + c.first().commitTime() + "; run "
                + (c.index() + 1) + ", after " + c.lastBefore().shortCommit() + ")");
        parts.add(fmt(c.ratio()) + "x (" + c.percent() + ") " + interval(c));
        parts.add("p " + p(c.p()));
        String f = flag(c, r);
        return String.join(", ", parts) + (f.isEmpty() ? "" : "  " + f);
    }

    private static String flag(ChangePoint c, TrendResult r) {
        if (!c.since()) {
            return "";
        }
        if (c.ratio() - 1 > r.options().threshold()) {
            return "REGRESSION";
        }
        return r.since() == null ? "" : "new";
    }

    private static String interval(ChangePoint c) {
        if (!c.bounded()) {
            return "[no interval: a segment too short]";
        }
        return "[" + fmt(c.lower()) + ", " + fmt(c.upper()) + "]";
    }

    private static String rejected(RowTrend row) {
        if (row.rejected() == null) {
            return "";
        }
        return " (best split before run " + (row.rejected().index() + 1) + ": p "
                + p(row.rejected().p()) + ")";
    }

    private static String verdict(TrendResult r) {
        List<ChangePoint> reg = r.regressions();
        String scope = r.since() == null
                ? "in the whole history"
                : "since " + r.since().substring(0, 7);
        if (reg.isEmpty()) {
            return "no regression beyond " + pct(r.options().threshold()) + " " + scope;
        }
        return reg.size() + " regression(s) beyond " + pct(r.options().threshold()) + " " + scope;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.3g%%", v * 100);
    }

    private static String p(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
