package io.counterbench.results.report;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Metric;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of one benchmark class in one mode: a row per result, the parameters that vary as
 * columns (the constant ones in the caption), threads, score ± error with its unit, the ratio to
 * LongAdder, and the accuracy, allocation and @Group member columns where the data has them.
 * Merged runs get a machine column and sit next to each other.
 */
final class BenchmarkTable {
    private BenchmarkTable() {
    }

    static Block.Table build(ReportContext ctx, List<ResultRow> group) {
        Columns cols = new Columns(group);
        List<String> varying = cols.varying();
        List<String> methods = group.stream().map(r -> r.result().method()).distinct().toList();
        boolean threadsVary = group.stream().map(r -> r.result().threads()).distinct().count() > 1;
        String unit = group.getFirst().result().primary().unit();
        Map<RunInput, Reference> adders = new IdentityHashMap<>();
        for (RunInput run : ctx.runs()) {
            adders.put(run, new Reference(run.results(), "adder"));
        }
        boolean ratio = group.stream().anyMatch(r -> !adders.get(r.run()).isReference(r.result())
                && Double.isFinite(adders.get(r.run()).ratio(r.result())));
        boolean accuracy = Columns.any(group, Columns.ACCURACY_WORST);
        boolean lost = Columns.any(group, Columns.LOST);
        boolean inflight = Columns.any(group, Columns.INFLIGHT);
        boolean alloc = Columns.any(group, Columns.ALLOC);
        List<String> members = Columns.groupMembers(group);

        List<String> header = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        if (ctx.merged()) {
            col(header, numeric, "machine", false);
        }
        if (methods.size() > 1) {
            col(header, numeric, "method", false);
        }
        for (String p : varying) {
            col(header, numeric, p, false);
        }
        col(header, numeric, "threads", true);
        col(header, numeric, unit + " ± error", true);
        if (ratio) {
            col(header, numeric, "x adder", true);
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
        for (String m : members) {
            col(header, numeric, m + " (" + unit + ")", true);
        }

        Comparator<ResultRow> order = Comparator.comparingInt(r -> methods.indexOf(r.result().method()));
        for (String p : varying) {
            order = order.thenComparing(cols.order(p));
        }
        order = order.thenComparingInt(r -> r.result().threads()).thenComparingInt(ResultRow::runIndex);
        List<List<String>> rows = new ArrayList<>();
        for (ResultRow rr : group.stream().sorted(order).toList()) {
            JmhResult r = rr.result();
            List<String> cells = new ArrayList<>();
            if (ctx.merged()) {
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
            cells.add(Fmt.pm(r.primary().score(), r.primary().error()));
            if (ratio) {
                cells.add(Fmt.ratio(adders.get(rr.run()).ratio(r)));
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
            for (String m : members) {
                Metric x = r.secondary(m);
                cells.add(x == null ? "" : Fmt.pm(x.score(), x.error()));
            }
            rows.add(cells);
        }
        String constants = cols.constants();
        String caption = String.join(", ", methods.size() == 1 ? List.of("method " + methods.getFirst()) : List.<String>of())
                + (constants.isEmpty() ? "" : (methods.size() == 1 ? "; " : "") + constants);
        return new Block.Table(caption, header, numeric, rows);
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
        return under.score() == over.score() ? Fmt.count(under.score()) : Fmt.count(under.score()) + " / " + Fmt.count(over.score());
    }
}
