package io.counterbench.results.report;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * report.csv: one row per JMH result of every run, with full-precision numbers: machine, run,
 * benchmark, mode, threads, one column per parameter name (empty where a row has none), score,
 * error, unit, samples, the accuracy metrics, allocation and the ratio to LongAdder.
 */
final class DataTable {
    static final List<String> METRICS = List.of(Columns.ACCURACY_WORST, Columns.BOUND, Columns.BOUND_UNDER, Columns.BOUND_OVER,
            Columns.VIOLATIONS, Columns.INFLIGHT, Columns.ALLOC);

    private DataTable() {
    }

    static Block.Table build(ReportContext ctx, List<ResultRow> rows) {
        TreeSet<String> params = new TreeSet<>();
        rows.forEach(r -> params.addAll(r.result().params().keySet()));
        Map<RunInput, Reference> adders = new IdentityHashMap<>();
        ctx.runs().forEach(run -> adders.put(run, new Reference(run.results(), "adder")));
        List<String> header = new ArrayList<>(List.of("machine", "run", "benchmark", "mode", "threads"));
        header.addAll(params);
        header.addAll(List.of("score", "error", "unit", "samples"));
        header.addAll(METRICS);
        header.add("x_adder");
        List<List<String>> out = new ArrayList<>();
        for (ResultRow rr : rows) {
            JmhResult r = rr.result();
            List<String> cells = new ArrayList<>(List.of(ctx.label(rr.run()), rr.run().name(), r.benchmark(), r.mode().shortName(),
                    String.valueOf(r.threads())));
            for (String p : params) {
                String v = r.param(p);
                cells.add(v == null ? "" : JmhResult.displayValue(p, v));
            }
            cells.add(num(r.primary().score()));
            cells.add(num(r.primary().error()));
            cells.add(r.primary().unit());
            cells.add(String.valueOf(r.primary().samples().length));
            for (String m : METRICS) {
                cells.add(r.secondary(m) == null ? "" : num(r.secondaryScore(m)));
            }
            double ratio = adders.get(rr.run()).ratio(r);
            cells.add(Double.isFinite(ratio) ? num(ratio) : "");
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
