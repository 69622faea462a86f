package io.counterbench.results.report;

import io.counterbench.results.jmh.JmhResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time per operation against slot count: for a time-mode benchmark with a numeric "cpus"
 * parameter (ReadBenchmark: the counter is built for that many CPUs), a line per counter and
 * method (and machine, when merged), log-log. One colour per counter, the second method dashed.
 */
final class LatencyCharts {
    private LatencyCharts() {
    }

    static void add(ReportContext ctx, List<ResultRow> group, Report out) {
        List<ResultRow> rows = group.stream().filter(r -> r.result().param("cpus") != null && r.result().param("cpus").matches("\\d+")).toList();
        if (rows.stream().map(r -> r.result().param("cpus")).distinct().count() < 2) {
            return;
        }
        List<String> methods = rows.stream().map(r -> r.result().method()).distinct().toList();
        List<String> colors = new ArrayList<>();
        Map<String, List<ChartSpec.Point>> points = new LinkedHashMap<>();
        Map<String, int[]> style = new LinkedHashMap<>();
        for (ResultRow rr : rows) {
            JmhResult r = rr.result();
            String base = ThroughputCharts.seriesName(ctx, rr, false);
            String name = methods.size() > 1 ? base + " " + r.method() : base;
            if (!colors.contains(base)) {
                colors.add(base);
            }
            style.putIfAbsent(name, new int[] {colors.indexOf(base), methods.indexOf(r.method())});
            points.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(ChartSpec.Point.withError(Double.parseDouble(r.param("cpus")), r.primary().score(), r.primary().error()));
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        points.forEach((name, ps) -> series.add(new ChartSpec.Series(name, ps, style.get(name)[1] > 0, style.get(name)[0])));
        JmhResult first = rows.getFirst().result();
        String title = first.className() + ": " + first.primary().unit() + " against slot count"
                + (methods.size() > 1 ? " (" + String.join(" solid, ", methods) + " dashed)" : "");
        out.add(new Block.Chart(ThroughputCharts.slug(first.className() + "-" + first.mode().shortName() + "-by-cpus"),
                new ChartSpec(title, "CPUs the counter is built for (slots)", first.primary().unit(), true, true, series)));
    }
}
