package io.counterbench.results.report.table;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.report.Columns;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.ResultRow;
import io.counterbench.results.report.Scores;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * report.csv: one row per JMH result of every run, with full-precision numbers: machine, run, label,
 * benchmark, mode, threads, one column per parameter name (empty where a row has none), JMH's
 * score, error, unit and sample count, the fork statistics (forks, median of the fork scores, the
 * interval's ends and confidence), the speedup vs LongAdder with its interval, each @Group
 * member's median and interval, the accuracy metrics (lost updates included) and allocation.
 */
public final class DataTable {
    static final List<String> METRICS = List.of(
            Columns.ACCURACY_WORST,
            Columns.BOUND,
            Columns.BOUND_UNDER,
            Columns.BOUND_OVER,
            Columns.VIOLATIONS,
            Columns.LOST,
            Columns.INFLIGHT,
            Columns.ALLOC);

    private DataTable() {}

    public static Block.Table build(ReportContext ctx, List<ResultRow> rows) {
        TreeSet<String> params = new TreeSet<>();
        rows.forEach(r -> params.addAll(r.result().params().keySet()));
        Map<RunInput, Reference> adders = new IdentityHashMap<>();
        ctx.runs()
                .forEach(run ->
                        adders.put(run, new Reference(run.results(), io.counterbench.results.jmh.Speedup.REFERENCE)));
        List<String> header = new ArrayList<>(List.of("machine", "run", "label", "benchmark", "mode", "threads"));
        header.addAll(params);
        header.addAll(List.of(
                "score",
                "error",
                "unit",
                "samples",
                "forks",
                "median",
                "ci_low",
                "ci_high",
                "ci_confidence",
                "speedup_vs_adder",
                "speedup_low",
                "speedup_high"));
        List<String> roles = Columns.groupRoles(rows);
        for (String role : roles) {
            header.addAll(List.of(role + "_median", role + "_ci_low", role + "_ci_high", role + "_speedup_vs_adder"));
        }
        header.addAll(METRICS);
        List<List<String>> out = new ArrayList<>();
        for (ResultRow rr : rows) {
            JmhResult r = rr.result();
            List<String> cells = new ArrayList<>(List.of(
                    ctx.label(rr.run()),
                    rr.run().name(),
                    rr.run().run() == null || rr.run().run().label() == null
                            ? ""
                            : rr.run().run().label(),
                    r.benchmark(),
                    r.mode().shortName(),
                    String.valueOf(r.threads())));
            for (String p : params) {
                String v = r.param(p);
                cells.add(v == null ? "" : JmhResult.displayValue(p, v));
            }
            cells.add(num(r.primary().score()));
            cells.add(num(r.primary().error()));
            cells.add(r.primary().unit());
            cells.add(String.valueOf(r.primary().samples().length));
            Scores s = Scores.of(r.primary());
            cells.add(String.valueOf(s.forks().forks()));
            cells.add(num(s.value()));
            cells.add(s.hasInterval() ? num(s.lower()) : "");
            cells.add(s.hasInterval() ? num(s.upper()) : "");
            cells.add(s.hasInterval() ? num(s.forks().confidence()) : "");
            Scores sp = BenchmarkTable.speedupOf(adders, rr, null);
            cells.add(sp == null ? "" : num(sp.value()));
            cells.add(sp != null && sp.hasInterval() ? num(sp.lower()) : "");
            cells.add(sp != null && sp.hasInterval() ? num(sp.upper()) : "");
            Map<String, io.counterbench.results.jmh.Metric> members = Scores.members(r);
            for (String role : roles) {
                io.counterbench.results.jmh.Metric m = members.get(role);
                Scores ms = m == null ? null : Scores.of(m);
                cells.add(ms == null ? "" : num(ms.value()));
                cells.add(ms != null && ms.hasInterval() ? num(ms.lower()) : "");
                cells.add(ms != null && ms.hasInterval() ? num(ms.upper()) : "");
                Scores msp = m == null ? null : BenchmarkTable.speedupOf(adders, rr, role);
                cells.add(msp == null ? "" : num(msp.value()));
            }
            for (String m : METRICS) {
                cells.add(r.secondary(m) == null ? "" : num(r.secondaryScore(m)));
            }
            out.add(cells);
        }
        return new Block.Table("", header, header.stream().map(h -> false).toList(), out);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.valueOf(v);
    }
}
