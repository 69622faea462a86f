package io.counterbench.results.gate;

import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Fmt;
import io.counterbench.results.report.write.MarkdownWriter;
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
    private GateText() {}

    public static String table(GateResult g) {
        StringBuilder b = new StringBuilder();
        b.append("counterbench ")
                .append(g.paired() ? "ab" : "gate")
                .append(": current ")
                .append(g.current().source())
                .append(" vs baseline ")
                .append(g.baseline().source())
                .append('\n');
        b.append(Slowdown.DEFINITION).append('\n');
        b.append("test: ").append(method(g)).append('\n');
        b.append("machine: ").append(machines(g)).append("\n");
        for (String line : g.preface()) {
            b.append("NOTE: ").append(line).append('\n');
        }
        b.append('\n');
        String head = "%-13s %9s %-20s %8s %5s %7s %12s %12s  %s%n";
        b.append(String.format(
                Locale.ROOT,
                head,
                "verdict",
                "slowdown",
                "interval",
                "MDE",
                g.paired() ? "pairs" : "forks",
                "spread",
                "baseline",
                "current",
                "benchmark (unit)"));
        for (RowComparison r : g.rows()) {
            Effect e = r.effect();
            b.append(String.format(
                    Locale.ROOT,
                    head,
                    verdict(r),
                    e == null ? "" : pct(e.estimate()),
                    e == null ? "" : interval(e),
                    e == null ? "" : mde(e),
                    n(r),
                    e == null ? "" : spread(e.spread()),
                    median(r.baseForks()),
                    median(r.currentForks()),
                    r.name() + " (" + r.unit() + ")"));
            for (String a : r.accuracyFailures()) {
                b.append(String.format(Locale.ROOT, "%-13s   ^ %s%n", "", a));
            }
            if (e != null && detail(e) != null) {
                b.append(String.format(Locale.ROOT, "%-13s   ^ %s%n", "", detail(e)));
            }
        }
        b.append('\n');
        for (String n : g.notes()) {
            b.append("note: ").append(n).append('\n');
        }
        for (String n : tests(g)) {
            b.append("note: ").append(n).append('\n');
        }
        b.append("result: ").append(outcome(g)).append(" (").append(g.counts()).append(")\n");
        String open = openRows(g);
        if (!open.isEmpty()) {
            b.append(open);
        }
        return b.toString();
    }

    /** "REGRESSED", "passed", "INCONCLUSIVE". */
    public static String outcome(GateResult g) {
        return switch (g.outcome()) {
            case REGRESSED -> "REGRESSED";
            case PASSED -> "passed";
            case INCONCLUSIVE -> "INCONCLUSIVE";
        };
    }

    /** The inconclusive rows, one line each with roughly how many more pairs would decide it; empty when none. */
    public static String openRows(GateResult g) {
        StringBuilder b = new StringBuilder();
        List<RowComparison> open = g.inconclusive();
        if (open.isEmpty()) {
            return "";
        }
        b.append("inconclusive: ")
                .append(open.size())
                .append(" row(s) neither flagged nor cleared (upper bound not " + "below ")
                .append(g.options().detectText())
                .append("); more ")
                .append(g.paired() ? "pairs (ab --pairs, --budget)" : "forks")
                .append(" or a quieter machine decide them:\n");
        for (RowComparison r : open) {
            b.append("  ")
                    .append(r.name())
                    .append(": ")
                    .append(more(r, g.paired()))
                    .append('\n');
        }
        return b.toString();
    }

    private static String more(RowComparison r, boolean paired) {
        Effect e = r.effect();
        if (e == null) {
            return "no data";
        }
        String unit = paired ? " more pairs" : " more forks per run";
        return e.morePairs() < 0
                ? "far more than " + 100_000 + unit
                : "about " + e.morePairs() + unit + " (has " + e.available() + ")";
    }

    /** A row's modes, when bimodal. */
    private static String detail(Effect e) {
        return e.modes() == null ? null : "bimodal, " + e.modes();
    }

    /** Which test decided which rows, when it was not the same for all. */
    private static List<String> tests(GateResult g) {
        java.util.Map<String, Long> by = new java.util.TreeMap<>();
        g.rows().stream()
                .filter(r -> r.effect() != null)
                .forEach(r -> by.merge(r.effect().test(), 1L, Long::sum));
        if (by.size() <= 1 && !by.containsKey("stratified") && !by.containsKey("coin")) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        by.forEach((t, n) -> out.add(n + " row(s) decided by the " + testName(t)));
        return out;
    }

    static String testName(String test) {
        return switch (test) {
            case "signed-rank" -> "Wilcoxon signed-rank test of the paired log ratios";
            case "coin" ->
                "coin test (each pair's log ratio signed by its coin: baseline first or on the lower CPUs, or "
                        + "the other way round; the rank-sum test of the two coin groups, in which the effect of the "
                        + "run order or of the CPUs cancels)";
            case "stratified" ->
                "stratified rank-sum test within the two modes of a bimodal row, with Fisher's exact "
                        + "test on "
                        + "the mode counts (each at half the row's level)";
            default -> "Mann-Whitney rank-sum test of the two runs' log fork scores";
        };
    }

    public static String markdown(GateResult g) {
        StringBuilder b = new StringBuilder();
        b.append("## counterbench ")
                .append(g.paired() ? "ab" : "gate")
                .append(": ")
                .append(outcome(g))
                .append(" (")
                .append(g.counts())
                .append(")\n\n");
        for (String line : g.preface()) {
            b.append("**Note:** ").append(line).append("\n\n");
        }
        if (g.outcome() == Outcome.INCONCLUSIVE) {
            b.append("Inconclusive is not a pass: some rows could neither be flagged nor cleared with the pairs they "
                    + "got. Rerun with more "
                    + "pairs or a larger `--budget`, or on a quieter runner.\n\n");
        }
        b.append("Baseline `")
                .append(g.baseline().name())
                .append("`, current `")
                .append(g.current().name())
                .append("`; machine: ")
                .append(machines(g))
                .append(".\n\n");
        b.append(Character.toUpperCase(Slowdown.DEFINITION.charAt(0)))
                .append(Slowdown.DEFINITION.substring(1))
                .append(". Test: ")
                .append(method(g))
                .append(".\n\n");
        List<List<String>> cells = new java.util.ArrayList<>();
        for (RowComparison r : g.rows().stream()
                .sorted(Comparator.comparingInt(GateText::rank))
                .toList()) {
            String v = verdict(r);
            if (r.fails()) {
                v = "**" + v + "**";
            }
            Effect e = r.effect();
            String name = r.name()
                    + (r.accuracyFailures().isEmpty() ? "" : " (" + String.join("; ", r.accuracyFailures()) + ")")
                    + (e != null && e.modes() != null ? " (bimodal, " + e.modes() + ")" : "")
                    + (r.outcome() == Outcome.INCONCLUSIVE ? " (" + more(r, g.paired()) + ")" : "");
            cells.add(List.of(
                    v,
                    String.valueOf(name),
                    e == null ? "" : pct(e.estimate()),
                    e == null ? "" : interval(e),
                    e == null ? "" : mde(e),
                    n(r),
                    e == null ? "" : spread(e.spread()),
                    median(r.baseForks()),
                    median(r.currentForks()),
                    String.valueOf(r.unit())));
        }
        b.append(MarkdownWriter.verbatim(new Block.Table(
                "",
                List.of(
                        "verdict",
                        "benchmark",
                        "slowdown",
                        "interval",
                        "MDE",
                        g.paired() ? "pairs" : "forks",
                        "spread",
                        "baseline",
                        "current",
                        "unit"),
                List.of(false, false, true, false, true, true, true, true, true, false),
                cells)));
        if (!g.notes().isEmpty() || !tests(g).isEmpty()) {
            g.notes().forEach(n -> b.append("- ").append(n).append('\n'));
            tests(g).forEach(n -> b.append("- ").append(n).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    /** How the verdicts were reached, in one sentence. */
    static String method(GateResult g) {
        GateOptions o = g.options();
        String family = g.compared() + " compared row" + (g.compared() == 1 ? "" : "s")
                + " share a family-wise alpha of " + trim(o.alpha())
                + (g.looks() > 1 ? " split over " + g.looks() + " planned looks" : "")
                + " (Holm: the first row's one-sided level is "
                + fmt(g.level()) + ")";
        String rule = "a row regresses when its lower bound is above 0 and its estimate at least +" + o.thresholdText()
                + ", passes when its upper bound is below +" + o.detectText()
                + " (or it improved), else it is inconclusive; MDE = the "
                + "slowdown flagged in 4 of 5 runs, from the lower bound at the level achieved";
        if (g.paired()) {
            return "forks as the unit, in pairs matched by pair id (baseline and current side by side on two halves "
                    + "of the CPUs, or back to back in random order, on one machine): the Hodges-Lehmann median "
                    + "paired ratio with exact rank-test bounds; " + family + "; " + rule;
        }
        return "forks as the unit, two runs taken apart: the Hodges-Lehmann shift of the fork scores with exact "
                + "Mann-Whitney bounds; "
                + family + "; " + rule
                + (o.normalizeBy() == null
                        ? ""
                        : "; fork scores divided by the same run's " + o.normalizeBy() + " forks")
                + ". Runs taken apart cannot be compared as tightly as ab's pairs: the interval covers the forks' "
                + "spread within each run, not a shift of the whole machine between the runs (hence the larger "
                + "threshold)";
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
        return "baseline " + (mb == null ? "unknown" : mb.shortLabel()) + ", current "
                + (mc == null ? "unknown" : mc.shortLabel());
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

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
