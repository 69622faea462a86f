package io.counterbench.results.gate;

import io.counterbench.results.report.Fmt;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The gate's console table, laid out like the kernel test robot's comparisons: baseline ± relative
 * stddev, %change, current ± relative stddev, then the p-value, the verdict and the row's name.
 * The Markdown summary ({@link #markdown}) has the same rows, failures first.
 */
public final class GateText {
    private GateText() {
    }

    public static String table(GateResult g) {
        StringBuilder b = new StringBuilder();
        b.append("counterbench gate: current ").append(g.current().source()).append(" vs baseline ").append(g.baseline().source()).append('\n');
        b.append("test: ").append(method(g)).append('\n');
        b.append("machine: ").append(machines(g)).append("\n\n");
        b.append(String.format(Locale.ROOT, "%14s %8s %10s %14s %8s %9s  %-14s %s%n", "base", "±stddev", "%change", "new", "±stddev", "p", "verdict", "benchmark"));
        for (RowComparison r : g.rows()) {
            b.append(String.format(Locale.ROOT, "%14s %8s %10s %14s %8s %9s  %-14s %s (%s)%n",
                    r.baseline() == null ? "" : Fmt.num(r.baseScore()), sd(r.baseStddev(), r.baseScore()),
                    Double.isNaN(r.change()) ? "" : Fmt.percent(r.change()),
                    r.current() == null ? "" : Fmt.num(r.currentScore()), sd(r.currentStddev(), r.currentScore()),
                    Double.isNaN(r.p()) ? "" : p(r.p()), verdict(r), r.name(), r.unit()));
            for (String a : r.accuracyFailures()) {
                b.append(String.format(Locale.ROOT, "%14s %8s %10s %14s %8s %9s  %-14s   ^ %s%n", "", "", "", "", "", "", "", a));
            }
        }
        b.append('\n');
        for (String n : g.notes()) {
            b.append("note: ").append(n).append('\n');
        }
        b.append("result: ").append(g.failed() ? "FAILED" : "passed").append(" (").append(g.counts()).append(")\n");
        return b.toString();
    }

    public static String markdown(GateResult g) {
        StringBuilder b = new StringBuilder();
        b.append("## counterbench gate: ").append(g.failed() ? "FAILED" : "passed").append(" (").append(g.counts()).append(")\n\n");
        b.append("Baseline `").append(g.baseline().name()).append("`, current `").append(g.current().name()).append("`; machine: ")
                .append(machines(g)).append(".\n\n");
        b.append("Test: ").append(method(g)).append(".\n\n");
        b.append("| verdict | benchmark | unit | base ± stddev | new ± stddev | change | p |\n");
        b.append("|---|---|---|---:|---:|---:|---:|\n");
        List<RowComparison> rows = g.rows().stream().sorted(Comparator.comparingInt(GateText::rank)).toList();
        for (RowComparison r : rows) {
            String v = verdict(r);
            if (r.fails()) {
                v = "**" + v + "**";
            }
            String name = r.name() + (r.accuracyFailures().isEmpty() ? "" : " (" + String.join("; ", r.accuracyFailures()) + ")");
            b.append("| ").append(v).append(" | ").append(name.replace("|", "\\|")).append(" | ").append(r.unit())
                    .append(" | ").append(r.baseline() == null ? "" : Fmt.num(r.baseScore()) + " ± " + sd(r.baseStddev(), r.baseScore()).replace("±", ""))
                    .append(" | ").append(r.current() == null ? "" : Fmt.num(r.currentScore()) + " ± " + sd(r.currentStddev(), r.currentScore()).replace("±", ""))
                    .append(" | ").append(Double.isNaN(r.change()) ? "" : Fmt.percent(r.change()))
                    .append(" | ").append(Double.isNaN(r.p()) ? "" : p(r.p())).append(" |\n");
        }
        if (!g.notes().isEmpty()) {
            b.append('\n');
            g.notes().forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.append('\n').toString();
    }

    static String method(GateResult g) {
        GateOptions o = g.options();
        return "Mann-Whitney U on the raw iteration samples (two-sided, alpha " + o.alpha() + ") and a " + o.thresholdText()
                + " threshold must both agree; thrpt: higher is better, avgt/sample/ss: lower is better"
                + (o.normalizeBy() == null ? "" : "; scores normalized by " + o.normalizeBy());
    }

    static String machines(GateResult g) {
        var mb = g.baseline().machine();
        var mc = g.current().machine();
        if (mb == null && mc == null) {
            return "unknown (no run.json)";
        }
        if (mb != null && mc != null && mb.differences(mc).isEmpty()) {
            return mb.shortLabel() + " (both runs)";
        }
        return "baseline " + (mb == null ? "unknown" : mb.shortLabel()) + ", current " + (mc == null ? "unknown" : mc.shortLabel());
    }

    private static int rank(RowComparison r) {
        if (r.fails()) {
            return 0;
        }
        return switch (r.verdict()) {
            case IMPROVEMENT -> 1;
            case INCONCLUSIVE, MISSING, NO_DATA, NOT_NORMALIZED -> 2;
            case NEW -> 3;
            default -> 4;
        };
    }

    private static String verdict(RowComparison r) {
        if (r.verdict() != Verdict.REGRESSION && !r.accuracyFailures().isEmpty()) {
            return "ACCURACY";
        }
        return r.verdict().label();
    }

    private static String sd(double sd, double mean) {
        if (!Double.isFinite(sd) || !Double.isFinite(mean) || mean == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "±%.0f%%", 100 * sd / Math.abs(mean));
    }

    private static String p(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
