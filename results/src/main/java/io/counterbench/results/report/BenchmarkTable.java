package io.counterbench.results.report;

import io.counterbench.results.jmh.ForkScores;
import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.jmh.Speedup;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The table of one benchmark class in one mode: a row per result, the parameters that vary as
 * columns (the constant ones in the caption), threads, forks, the median of the fork scores with
 * its interval, the speedup vs LongAdder with its interval, and the accuracy, allocation and
 * flame-graph columns where the data has them. @Group rows (reader and writers) show each member's
 * score and speedup in its own column instead of JMH's sum over the group. Merged runs get a
 * machine column and sit next to each other.
 */
final class BenchmarkTable {
    private BenchmarkTable() {}

    static Block.Table build(ReportContext ctx, List<ResultRow> group, FlameGraphs flames) {
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

        List<String> header = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        boolean machineColumn = ctx.tellApart(group);
        if (machineColumn) {
            col(header, numeric, "machine", false);
        }
        if (methods.size() > 1) {
            col(header, numeric, "method", false);
        }
        for (String p : varying) {
            col(header, numeric, p, false);
        }
        col(header, numeric, "threads", true);
        col(header, numeric, "forks", true);
        if (!grouped) {
            col(header, numeric, unit + " [interval]", true);
            if (speedup) {
                col(header, numeric, "speedup vs LongAdder", true);
            }
        }
        for (String role : roles) {
            col(header, numeric, role + " " + unit + " [interval]", true);
            if (speedup) {
                col(header, numeric, role + " speedup vs LongAdder", true);
            }
        }
        if (accuracy) {
            col(header, numeric, "worst (counts)", true);
            col(header, numeric, "bound under / over (counts)", true);
            col(header, numeric, "violations", true);
        }
        if (lost) {
            col(header, numeric, "lost (counts)", true);
        }
        if (inflight) {
            col(header, numeric, "in-flight worst (counts)", true);
        }
        if (alloc) {
            col(header, numeric, "alloc (B/op)", true);
        }
        if (profiles) {
            col(header, numeric, "profile", false);
        }

        Comparator<ResultRow> order =
                Comparator.comparingInt(r -> methods.indexOf(r.result().method()));
        for (String p : varying) {
            order = order.thenComparing(cols.order(p));
        }
        order = order.thenComparingInt(r -> r.result().threads()).thenComparingInt(ResultRow::runIndex);
        List<List<String>> rows = new ArrayList<>();
        TreeSet<Integer> forkCounts = new TreeSet<>();
        boolean anyWide = false;
        for (ResultRow rr : group.stream().sorted(order).toList()) {
            JmhResult r = rr.result();
            List<String> cells = new ArrayList<>();
            if (machineColumn) {
                cells.add(ctx.label(rr.run()));
            }
            if (methods.size() > 1) {
                cells.add(r.method());
            }
            for (String p : varying) {
                String v = r.param(p);
                cells.add(v == null ? "" : JmhResult.displayValue(p, v));
            }
            cells.add(String.valueOf(r.threads()));
            Scores primary = Scores.of(r.primary());
            forkCounts.add(primary.forks().forks());
            cells.add(
                    primary.forks().forks() > 0 ? String.valueOf(primary.forks().forks()) : "no raw data");
            if (!grouped) {
                cells.add(primary.cell());
                anyWide |= primary.wide();
                if (speedup) {
                    Scores s = speedupOf(adders, rr, null);
                    cells.add(adders.get(rr.run()).isReference(r) ? "1 (reference)" : s == null ? "" : s.ratioCell());
                    anyWide |= s != null && s.wide();
                }
            }
            Map<String, Metric> members = Scores.members(r);
            for (String role : roles) {
                Metric m = members.get(role);
                Scores s = m == null ? null : Scores.of(m);
                cells.add(s == null ? "" : s.cell());
                anyWide |= s != null && s.wide();
                if (speedup) {
                    Scores sp = speedupOf(adders, rr, role);
                    cells.add(adders.get(rr.run()).isReference(r) ? "1 (reference)" : sp == null ? "" : sp.ratioCell());
                    anyWide |= sp != null && sp.wide();
                }
            }
            if (accuracy) {
                cells.add(count(r, Columns.ACCURACY_WORST));
                cells.add(bound(r));
                cells.add(count(r, Columns.VIOLATIONS));
            }
            if (lost) {
                cells.add(count(r, Columns.LOST));
            }
            if (inflight) {
                cells.add(count(r, Columns.INFLIGHT));
            }
            if (alloc) {
                cells.add(r.secondary(Columns.ALLOC) == null ? "" : Fmt.bytes(r.secondaryScore(Columns.ALLOC)));
            }
            if (profiles) {
                Optional<java.nio.file.Path> g = flames.find(rr.run(), r);
                cells.add(g.map(p -> Block.link("flame graph", p)).orElse(""));
            }
            rows.add(cells);
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
        if (anyWide) {
            caption.add(Fmt.WIDE_MARK
                    + " interval wider than 10% of the median: too few or too noisy forks to read a difference into");
        }
        return new Block.Table(String.join("; ", caption), header, numeric, rows);
    }

    /** "intervals: min-max of the 5 fork scores, a 93.8% interval for the median" for the fork counts in a table. */
    static String intervalText(TreeSet<Integer> forkCounts) {
        forkCounts.remove(0);
        if (forkCounts.isEmpty()) {
            return "no raw data: JMH's scores, no interval";
        }
        if (forkCounts.size() == 1 && forkCounts.first() == 1) {
            return "1 fork per row: no interval (iterations of one JVM are not independent, so none is computed from them)";
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

    private static void col(List<String> header, List<Boolean> numeric, String name, boolean num) {
        header.add(name);
        numeric.add(num);
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
