package io.counterbench.results.gate;

import io.counterbench.results.report.Fmt;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The gate's console table and its Markdown summary (same rows, failures first): per row the
 * verdict, the slowdown with its interval, the minimum detectable effect, the forks or pairs that
 * entered and their spread, the two medians and the row's name. The header says once what a
 * slowdown is, how the interval was computed and at which level.
 */
public final class GateText {
    private GateText() {
    }

    public static String table(GateResult g) {
        StringBuilder b = new StringBuilder();
        b.append("counterbench ").append(g.paired() ? "ab" : "gate").append(": current ").append(g.current().source())
                .append(" vs baseline ").append(g.baseline().source()).append('\n');
        b.append(Slowdown.DEFINITION).append('\n');
        b.append("test: ").append(method(g)).append('\n');
        b.append("machine: ").append(machines(g)).append("\n\n");
        String head = "%-13s %9s %-20s %8s %5s %7s %12s %12s  %s%n";
        b.append(String.format(Locale.ROOT, head, "verdict", "slowdown", "interval", "MDE", g.paired() ? "pairs" : "forks", "spread",
                "baseline", "current", "benchmark (unit)"));
        for (RowComparison r : g.rows()) {
            Effect e = r.effect();
            b.append(String.format(Locale.ROOT, head, verdict(r), e == null ? "" : pct(e.estimate()), e == null ? "" : interval(e),
                    e == null ? "" : mde(e), n(r), e == null ? "" : spread(e.spread()), median(r.baseForks()), median(r.currentForks()),
                    r.name() + " (" + r.unit() + ")"));
            for (String a : r.accuracyFailures()) {
                b.append(String.format(Locale.ROOT, "%-13s   ^ %s%n", "", a));
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
        b.append("## counterbench ").append(g.paired() ? "ab" : "gate").append(": ").append(g.failed() ? "FAILED" : "passed")
                .append(" (").append(g.counts()).append(")\n\n");
        b.append("Baseline `").append(g.baseline().name()).append("`, current `").append(g.current().name()).append("`; machine: ")
                .append(machines(g)).append(".\n\n");
        b.append(Character.toUpperCase(Slowdown.DEFINITION.charAt(0))).append(Slowdown.DEFINITION.substring(1)).append(". Test: ")
                .append(method(g)).append(".\n\n");
        b.append("| verdict | benchmark | slowdown | interval | MDE | ").append(g.paired() ? "pairs" : "forks")
                .append(" | spread | baseline | current | unit |\n");
        b.append("|---|---|---:|---|---:|---:|---:|---:|---:|---|\n");
        List<RowComparison> rows = g.rows().stream().sorted(Comparator.comparingInt(GateText::rank)).toList();
        for (RowComparison r : rows) {
            String v = verdict(r);
            if (r.fails()) {
                v = "**" + v + "**";
            }
            Effect e = r.effect();
            String name = r.name() + (r.accuracyFailures().isEmpty() ? "" : " (" + String.join("; ", r.accuracyFailures()) + ")");
            b.append("| ").append(v).append(" | ").append(name.replace("|", "\\|"))
                    .append(" | ").append(e == null ? "" : pct(e.estimate()))
                    .append(" | ").append(e == null ? "" : interval(e))
                    .append(" | ").append(e == null ? "" : mde(e))
                    .append(" | ").append(n(r))
                    .append(" | ").append(e == null ? "" : spread(e.spread()))
                    .append(" | ").append(median(r.baseForks()))
                    .append(" | ").append(median(r.currentForks()))
                    .append(" | ").append(r.unit()).append(" |\n");
        }
        if (!g.notes().isEmpty()) {
            b.append('\n');
            g.notes().forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.append('\n').toString();
    }

    /** How the verdicts were reached, in one sentence. */
    static String method(GateResult g) {
        GateOptions o = g.options();
        String level = String.format(Locale.ROOT, "%s%%", trim(100 * (1 - g.level())));
        String family = g.compared() + " compared row" + (g.compared() == 1 ? "" : "s") + " share a family-wise alpha of " + trim(o.alpha())
                + " (Bonferroni: each row's bounds are one-sided at " + level + ")";
        String rule = "a row regresses when its lower bound is above +" + o.thresholdText() + ", improves when its upper bound is below -"
                + o.thresholdText() + "; MDE = the slowdown flagged in 4 of 5 runs with this many forks and this spread, \"could not see\" = MDE above "
                + o.detectText();
        if (g.paired()) {
            return "forks as the unit, in pairs on one machine (baseline and current side by side on two "
                    + "halves of the CPUs, or back to "
                    + "back in random order): the median paired ratio"
                    + " (Hodges-Lehmann) with exact Wilcoxon signed-rank bounds; " + family + "; " + rule;
        }
        return "forks as the unit, two runs taken apart: the Hodges-Lehmann shift of the fork scores with exact Mann-Whitney bounds; "
                + family + "; " + rule + (o.normalizeBy() == null ? "" : "; fork scores divided by the same run's " + o.normalizeBy() + " forks")
                + ". Runs taken apart cannot be compared as tightly as ab's pairs: the interval covers the forks' spread within each run,"
                + " not a shift of the whole machine between the runs (hence the larger threshold)";
    }

    static String machines(GateResult g) {
        var mb = g.baseline().machine();
        var mc = g.current().machine();
        if (mb == null && mc == null) {
            return "unknown (no run.json)";
        }
        if (mb != null && mc != null && mb.differences(mc).isEmpty()) {
            return mb.shortLabel() + (g.paired() ? " (one machine, interleaved)" : " (both runs)");
        }
        return "baseline " + (mb == null ? "unknown" : mb.shortLabel()) + ", current " + (mc == null ? "unknown" : mc.shortLabel());
    }

    private static int rank(RowComparison r) {
        if (r.fails()) {
            return 0;
        }
        return switch (r.verdict()) {
            case IMPROVEMENT -> 1;
            case BLIND, MISSING, NO_DATA, NOT_NORMALIZED -> 2;
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

    /** "+1.2%", "-0.4%". */
    static String pct(double fraction) {
        if (Double.isNaN(fraction)) {
            return "";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+inf" : "-inf";
        }
        double v = 100 * fraction;
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%+.1f%%" : "%+.2f%%", v);
    }

    static String interval(Effect e) {
        if (!e.bounded()) {
            return "none (too few)";
        }
        return "[" + pct(e.lower()) + ", " + pct(e.upper()) + "]";
    }

    static String mde(Effect e) {
        if (Double.isInfinite(e.mde())) {
            return "none";
        }
        return pct(e.mde()).substring(1);
    }

    private static String n(RowComparison r) {
        if (r.effect() != null) {
            return String.valueOf(r.effect().pairs());
        }
        int b = r.baseForks() == null ? 0 : r.baseForks().forks();
        int c = r.currentForks() == null ? 0 : r.currentForks().forks();
        return b + c == 0 ? "" : b + "/" + c;
    }

    private static String spread(double logSd) {
        return Double.isNaN(logSd) ? "" : String.format(Locale.ROOT, "±%.2f%%", 100 * Math.expm1(logSd));
    }

    private static String median(io.counterbench.results.jmh.ForkScores f) {
        return f == null || f.forks() == 0 ? "" : Fmt.num(f.median());
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
