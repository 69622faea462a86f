package io.counterbench.results.report.table;

import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.jmh.Speedup;
import io.counterbench.results.report.Columns;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.ResultRow;
import io.counterbench.results.report.Scores;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Fmt;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The table of one benchmark class in one mode: a row per result, the parameters that vary as
 * columns (the constant ones in the caption), threads, forks, the median of the fork scores with
 * its interval, the speedup vs LongAdder with its interval, and the accuracy, allocation and
 * flame-graph columns where the data has them. @Group rows (reader and writers) show each member's
 * score and speedup in its own column instead of JMH's sum over the group. Merged runs get a
 * machine column and sit next to each other.
 */
public final class BenchmarkTable {
    private BenchmarkTable() {}

    public static Block.Table build(ReportContext ctx, List<ResultRow> group, FlameGraphs flames) {
        Columns cols = new Columns(group);
        List<String> varying = cols.varying();
        List<String> methods =
                group.stream().map(r -> r.result().method()).distinct().toList();
        String unit = group.getFirst().result().primary().unit();
        Map<RunInput, Reference> adders = new IdentityHashMap<>();
        for (RunInput run : ctx.runs()) {
            adders.put(run, new Reference(run.results(), Speedup.REFERENCE));
        }
        boolean grouped = Columns.grouped(group);
        List<String> roles = Columns.groupRoles(group);
        boolean speedup = group.stream()
                .anyMatch(r -> speedupOf(adders, r, null) != null
                        || roles.stream().anyMatch(role -> speedupOf(adders, r, role) != null));
        boolean accuracy = Columns.any(group, Columns.ACCURACY_WORST);
        boolean lost = Columns.any(group, Columns.LOST);
        boolean inflight = Columns.any(group, Columns.INFLIGHT);
        boolean alloc = Columns.any(group, Columns.ALLOC);
        boolean profiles =
                group.stream().anyMatch(r -> flames.find(r.run(), r.result()).isPresent());

        boolean[] anyWide = {false}; // set by the score columns while the rows are written
        List<Column> columns = new ArrayList<>();
        if (ctx.tellApart(group)) {
            columns.add(new Column("machine", false, rr -> ctx.label(rr.run())));
        }
        if (methods.size() > 1) {
            columns.add(new Column("method", false, rr -> rr.result().method()));
        }
        for (String p : varying) {
            columns.add(new Column(p, false, rr -> {
                String v = rr.result().param(p);
                return v == null ? "" : JmhResult.displayValue(p, v);
            }));
        }
        columns.add(new Column("threads", true, rr -> String.valueOf(rr.result().threads())));
        columns.add(new Column("forks", true, rr -> {
            int forks = Scores.of(rr.result().primary()).forks().forks();
            return forks > 0 ? String.valueOf(forks) : "no raw data";
        }));
        if (!grouped) {
            columns.add(new Column(unit + " [interval]", true, rr -> {
                Scores primary = Scores.of(rr.result().primary());
                anyWide[0] |= primary.wide();
                return primary.cell();
            }));
            if (speedup) {
                columns.add(speedupColumn("speedup vs LongAdder", adders, null, anyWide));
            }
        }
        for (String role : roles) {
            columns.add(new Column(role + " " + unit + " [interval]", true, rr -> {
                Metric m = Scores.members(rr.result()).get(role);
                Scores s = m == null ? null : Scores.of(m);
                anyWide[0] |= s != null && s.wide();
                return s == null ? "" : s.cell();
            }));
            if (speedup) {
                columns.add(speedupColumn(role + " speedup vs LongAdder", adders, role, anyWide));
            }
        }
        if (accuracy) {
            columns.add(new Column("worst (counts)", true, rr -> count(rr.result(), Columns.ACCURACY_WORST)));
            columns.add(new Column("bound under / over (counts)", true, rr -> bound(rr.result())));
            columns.add(new Column("violations", true, rr -> count(rr.result(), Columns.VIOLATIONS)));
        }
        if (lost) {
            columns.add(new Column("lost (counts)", true, rr -> count(rr.result(), Columns.LOST)));
        }
        if (inflight) {
            columns.add(new Column("in-flight worst (counts)", true, rr -> count(rr.result(), Columns.INFLIGHT)));
        }
        if (alloc) {
            columns.add(new Column(
                    "alloc (B/op)",
                    true,
                    rr -> rr.result().secondary(Columns.ALLOC) == null
                            ? ""
                            : Fmt.bytes(rr.result().secondaryScore(Columns.ALLOC))));
        }
        if (profiles) {
            columns.add(new Column(
                    "profile",
                    false,
                    rr -> flames.find(rr.run(), rr.result())
                            .map(p -> Block.link("flame graph", p))
                            .orElse("")));
        }

        Comparator<ResultRow> order =
                Comparator.comparingInt(r -> methods.indexOf(r.result().method()));
        for (String p : varying) {
            order = order.thenComparing(cols.order(p));
        }
        order = order.thenComparingInt(r -> r.result().threads()).thenComparingInt(ResultRow::runIndex);
        List<List<String>> rows = new ArrayList<>();
        TreeSet<Integer> forkCounts = new TreeSet<>();
        for (ResultRow rr : group.stream().sorted(order).toList()) {
            forkCounts.add(Scores.of(rr.result().primary()).forks().forks());
            rows.add(columns.stream().map(c -> c.cell().apply(rr)).toList());
        }
        List<String> caption = new ArrayList<>();
        if (methods.size() == 1) {
            caption.add("method " + methods.getFirst());
        }
        String constants = cols.constants();
        if (!constants.isEmpty()) {
            caption.add(constants);
        }
        caption.add(intervalText(forkCounts));
        String noSpeedup = Speedup.undefinedBecause(group.getFirst().result().className());
        if (noSpeedup != null) {
            caption.add(noSpeedup);
        }
        if (grouped) {
            caption.add("each group member's own score (JMH's primary score, their sum, is not shown)");
        }
        if (anyWide[0]) {
            caption.add(Fmt.WIDE_MARK
                    + " interval wider than 10% of the median: too few or too noisy forks to read a difference into");
        }
        return new Block.Table(
                String.join("; ", caption),
                columns.stream().map(Column::name).toList(),
                columns.stream().map(Column::numeric).toList(),
                rows);
    }

    /** "intervals: min-max of the 5 fork scores, a 93.8% interval for the median" for the fork counts in a table. */
    static String intervalText(TreeSet<Integer> forkCounts) {
        forkCounts.remove(0);
        if (forkCounts.isEmpty()) {
            return "no raw data: JMH's scores, no interval";
        }
        if (forkCounts.size() == 1 && forkCounts.first() == 1) {
            return "1 fork per row: no interval (iterations of one JVM are not independent, so none is computed from "
                    + "them)";
        }
        List<String> parts = new ArrayList<>();
        for (int n : forkCounts) {
            parts.add(ForkScores.describe(n));
        }
        return "value = median of the fork scores (each fork's mean of its iterations); [interval] = "
                + String.join("; ", parts);
    }

    /** The speedup of row {@code rr} (of its group member with role {@code role}, when given) over LongAdder. */
    static Scores speedupOf(Map<RunInput, Reference> adders, ResultRow rr, String role) {
        JmhResult r = rr.result();
        Reference ref = adders.get(rr.run());
        if (role == null) {
            return Scores.speedup(ref, r, r.primary(), null);
        }
        for (String name : Columns.groupMembers(r)) {
            if (Columns.role(name).equals(role)) {
                return Scores.speedup(ref, r, r.secondary(name), name);
            }
        }
        return null;
    }

    /** One column of the table: its heading, whether it is right-aligned, and its cell for a row. */
    private record Column(String name, boolean numeric, Function<ResultRow, String> cell) {}

    /** A speedup column (of the group member {@code role}, when given); the reference row reads "1 (reference)". */
    private static Column speedupColumn(String name, Map<RunInput, Reference> adders, String role, boolean[] anyWide) {
        return new Column(name, true, rr -> {
            Scores s = speedupOf(adders, rr, role);
            anyWide[0] |= s != null && s.wide();
            return adders.get(rr.run()).isReference(rr.result()) ? "1 (reference)" : s == null ? "" : s.ratioCell();
        });
    }

    private static String count(JmhResult r, String metric) {
        return r.secondary(metric) == null ? "" : Fmt.count(r.secondaryScore(metric));
    }

    /** "768 / 744", one number when under and over agree, accuracy.bound when only it exists. */
    static String bound(JmhResult r) {
        Metric under = r.secondary(Columns.BOUND_UNDER);
        Metric over = r.secondary(Columns.BOUND_OVER);
        if (under == null || over == null) {
            return count(r, Columns.BOUND);
        }
        return under.score() == over.score()
                ? Fmt.count(under.score())
                : Fmt.count(under.score()) + " / " + Fmt.count(over.score());
    }
}
