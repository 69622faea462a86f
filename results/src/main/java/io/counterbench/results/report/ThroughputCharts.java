package io.counterbench.results.report;

import io.counterbench.results.jmh.JmhResult;
import io.counterbench.results.jmh.Reference;
import io.counterbench.results.run.RunInput;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Throughput against threads, one chart per benchmark method and per combination of the other
 * parameters (topology...), a line per counter and placement (and machine, when merged); and the
 * same relative to LongAdder when the run has adder rows. Needs at least two thread counts.
 */
final class ThroughputCharts {
    private ThroughputCharts() {
    }

    static void add(ReportContext ctx, List<ResultRow> group, Report out) {
        Map<RunInput, Reference> adders = new IdentityHashMap<>();
        ctx.runs().forEach(run -> adders.put(run, new Reference(run.results(), "adder")));
        Map<String, List<ResultRow>> parts = new LinkedHashMap<>();
        for (ResultRow r : group) {
            TreeMap<String, String> rest = new TreeMap<>(r.result().params());
            rest.remove("counter");
            rest.remove("placement");
            StringBuilder key = new StringBuilder(r.result().method());
            rest.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
            parts.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<ResultRow>> part : parts.entrySet()) {
            List<ResultRow> rows = part.getValue();
            List<Integer> threads = rows.stream().map(r -> r.result().threads()).distinct().sorted().toList();
            if (threads.size() < 2) {
                continue;
            }
            boolean placements = rows.stream().map(r -> String.valueOf(r.result().param("placement"))).distinct().count() > 1;
            Map<String, List<ChartSpec.Point>> abs = new LinkedHashMap<>();
            Map<String, List<ChartSpec.Point>> rel = new LinkedHashMap<>();
            for (ResultRow rr : rows) {
                JmhResult r = rr.result();
                String name = seriesName(ctx, rr, placements);
                abs.computeIfAbsent(name, k -> new ArrayList<>()).add(ChartSpec.Point.withError(r.threads(), r.primary().score(), r.primary().error()));
                double ratio = adders.get(rr.run()).ratio(r);
                if (Double.isFinite(ratio)) {
                    rel.computeIfAbsent(name, k -> new ArrayList<>()).add(ChartSpec.Point.of(r.threads(), ratio));
                }
            }
            String unit = rows.getFirst().result().primary().unit();
            String title = rows.getFirst().result().className() + "." + part.getKey();
            boolean xLog = threads.getLast() / (double) threads.getFirst() >= 8;
            out.add(new Block.Chart(slug(title + "-throughput"),
                    new ChartSpec(title + ": throughput against threads", "threads", unit, xLog, false, series(abs))));
            if (rel.size() > 1) {
                out.add(new Block.Chart(slug(title + "-vs-adder"),
                        new ChartSpec(title + ": throughput relative to adder (LongAdder = 1)", "threads", "x adder", xLog, false, series(rel))));
            }
        }
    }

    static String seriesName(ReportContext ctx, ResultRow rr, boolean placements) {
        JmhResult r = rr.result();
        String c = r.param("counter");
        StringBuilder n = new StringBuilder(c == null ? r.method() : JmhResult.displayValue("counter", c));
        if (placements && r.param("placement") != null) {
            n.append(' ').append(r.param("placement"));
        }
        if (ctx.merged()) {
            n.append(" @ ").append(ctx.shortLabel(rr.run()));
        }
        return n.toString();
    }

    static List<ChartSpec.Series> series(Map<String, List<ChartSpec.Point>> byName) {
        List<ChartSpec.Series> s = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<ChartSpec.Point>> e : byName.entrySet()) {
            s.add(new ChartSpec.Series(e.getKey(), e.getValue(), false, i++));
        }
        return s;
    }

    static String slug(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
