package io.counterbench.results.report.table;

import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.Scores;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Fmt;
import io.counterbench.results.run.Machine;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.stats.RankSum;
import io.counterbench.results.stats.Shift;
import io.counterbench.results.util.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code report --compare BASE CURRENT}: one row per benchmark row that both runs measured, the two
 * versions side by side (median of the fork scores with its interval) and the change from BASE to
 * CURRENT with a 95% interval across forks: the Hodges-Lehmann shift of the log fork scores and the
 * exact Mann-Whitney bounds (2.5% each side), so the fork, not the iteration, is the sample. The
 * change is that of the score (current / base - 1); the last column says whether it is faster,
 * slower, or no difference the interval can show. Rows only one run has are listed below the table.
 */
public final class Comparison {
    /** Each one-sided bound of the change's interval (a two-sided 95% interval). */
    static final double ALPHA = 0.025;

    private final Block.Table table;
    private final List<String> notes;

    private Comparison(Block.Table table, List<String> notes) {
        this.table = table;
        this.notes = notes;
    }

    public Block.Table table() {
        return table;
    }

    /** What a reader must know: rows only one side has, forks too few for an interval. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Compares {@code current} with {@code base}. Runs of different machines are refused unless
     * {@code acrossMachines}: a change between them mixes the code with the machine.
     */
    public static Comparison of(ReportContext ctx, RunInput base, RunInput current, boolean acrossMachines) {
        Machine a = base.machine();
        Machine b = current.machine();
        if (!acrossMachines && a != null && b != null && !a.differences(b).isEmpty()) {
            throw new InputException(
                    "--compare: " + base.name() + " and " + current.name() + " come from different machines ("
                            + String.join("; ", a.differences(b))
                            + "); a change between them is the machine's as much as the code's "
                            + "(--across-machines to compare anyway)");
        }
        Map<String, JmhResult> baseRows = index(base);
        Map<String, JmhResult> currentRows = index(current);
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int tooFew = 0;
        int need = RankSum.minimumForksEach(ALPHA);
        for (Map.Entry<String, JmhResult> e : baseRows.entrySet()) {
            JmhResult rc = currentRows.get(e.getKey());
            if (rc == null) {
                continue;
            }
            JmhResult rb = e.getValue();
            Metric mb = rb.primary();
            Metric mc = rc.primary();
            if (!Objects.equals(mb.unit(), mc.unit())) {
                notes.add(rb.label(true) + ": units differ (" + mb.unit() + " vs " + mc.unit() + "), not compared");
                continue;
            }
            Scores sb = Scores.of(mb);
            Scores sc = Scores.of(mc);
            Change c = change(ForkScores.of(mb).perFork(), ForkScores.of(mc).perFork());
            if (!c.bounded()) {
                tooFew++;
            }
            boolean higherIsBetter = rb.mode().higherIsBetter();
            // the change and its verdict right after the row's name, counter and threads: a wide parameters
            // column must not push them behind a table's horizontal scroll
            rows.add(List.of(
                    rb.shortName(),
                    counter(rb),
                    String.valueOf(rb.threads()),
                    c.text(),
                    c.verdict(higherIsBetter),
                    cell(sb),
                    cell(sc),
                    mb.unit(),
                    params(rb)));
        }
        List<String> onlyBase = baseRows.keySet().stream()
                .filter(k -> !currentRows.containsKey(k))
                .map(k -> baseRows.get(k).label(true))
                .toList();
        List<String> onlyCurrent = currentRows.keySet().stream()
                .filter(k -> !baseRows.containsKey(k))
                .map(k -> currentRows.get(k).label(true))
                .toList();
        if (rows.isEmpty()) {
            throw new InputException(
                    "--compare: " + base.name() + " and " + current.name() + " have no benchmark row in common");
        }
        if (!onlyBase.isEmpty()) {
            notes.add("only in " + ctx.shortLabel(base) + " (" + onlyBase.size() + "): "
                    + String.join(", ", head(onlyBase)));
        }
        if (!onlyCurrent.isEmpty()) {
            notes.add("only in " + ctx.shortLabel(current) + " (" + onlyCurrent.size() + "): "
                    + String.join(", ", head(onlyCurrent)));
        }
        if (tooFew > 0) {
            notes.add(tooFew + " row(s) have too few forks for a 95% interval of the change: at least " + need
                    + " forks on each side are needed (--forks " + need + ")");
        }
        String machine = a != null && b != null && a.differences(b).isEmpty() ? "; both on " + a.shortLabel() : "";
        String caption = "BASE = " + describe(base) + ", CURRENT = " + describe(current) + machine
                + "; value = median of the fork scores [interval across forks]; change = CURRENT / BASE - 1 "
                + "of the score with a 95% interval (Hodges-Lehmann shift of the log fork scores, exact Mann-Whitney "
                + "bounds); faster / slower only where the interval excludes 0";
        List<String> header = List.of(
                "benchmark",
                "counter",
                "threads",
                "change [95% interval]",
                "verdict",
                "BASE " + ctx.shortLabel(base),
                "CURRENT " + ctx.shortLabel(current),
                "unit",
                "parameters");
        return new Comparison(
                new Block.Table(
                        caption, header, List.of(false, false, true, true, false, true, true, false, false), rows),
                notes);
    }

    /** The change of the score from base to current: exp of the shift of the log fork scores, minus 1. */
    record Change(double estimate, double lower, double upper) {
        boolean bounded() {
            return Double.isFinite(lower) && Double.isFinite(upper);
        }

        String text() {
            if (Double.isNaN(estimate)) {
                return "n/a";
            }
            return Fmt.percent(estimate)
                    + (bounded() ? " [" + Fmt.percent(lower) + ", " + Fmt.percent(upper) + "]" : " [too few forks]");
        }

        /** faster, slower, or what cannot be told, oriented by the mode. */
        String verdict(boolean higherIsBetter) {
            if (!bounded()) {
                return "not known";
            }
            if (lower > 0) {
                return higherIsBetter ? "faster" : "slower";
            }
            if (upper < 0) {
                return higherIsBetter ? "slower" : "faster";
            }
            return "no difference shown";
        }
    }

    static Change change(double[] base, double[] current) {
        Shift s = RankSum.shift(logs(base), logs(current), ALPHA);
        return new Change(Math.expm1(s.estimate()), Math.expm1(s.lower()), Math.expm1(s.upper()));
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static Map<String, JmhResult> index(RunInput run) {
        Map<String, JmhResult> m = new LinkedHashMap<>();
        for (JmhResult r : run.results()) {
            m.putIfAbsent(
                    r.benchmark() + "|" + r.mode() + "|" + r.threads() + "|" + new TreeMap<>(r.params()) + "|"
                            + (r.threadGroups() == null ? "" : java.util.Arrays.toString(r.threadGroups())),
                    r);
        }
        return m;
    }

    /** "v1 (20261206T071503Z-vm)" for a labelled run, else its folder name. */
    private static String describe(RunInput run) {
        String label = run.run() == null ? null : run.run().label();
        return label == null ? run.name() : label + " (" + run.name() + ")";
    }

    /** The row's counter, shown beside its name ("" for a row without one). */
    private static String counter(JmhResult r) {
        String c = r.param("counter");
        return c == null ? "" : JmhResult.displayValue("counter", c);
    }

    /** The other parameters, shown last. */
    private static String params(JmhResult r) {
        List<String> p = new ArrayList<>();
        new TreeMap<>(r.params()).forEach((k, v) -> {
            if (!k.equals("counter")) {
                p.add(k + "=" + JmhResult.displayValue(k, v));
            }
        });
        return String.join(" ", p);
    }

    private static String cell(Scores s) {
        return s.hasInterval()
                ? Fmt.num(s.value()) + " [" + Fmt.num(s.lower()) + ", " + Fmt.num(s.upper()) + "]"
                : Fmt.num(s.value());
    }

    private static List<String> head(List<String> labels) {
        return labels.size() <= 6 ? labels : List.of(String.join(", ", labels.subList(0, 6)), "...");
    }
}
