package io.counterbench.results.report.section;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.report.chart.ChartSpec;
import io.counterbench.results.report.chart.SeriesStyle;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's headline charts, from simulation.json: the scale scenario's bounds and worst
 * deviations against N (log-log, every counter id that can be off, with N^2 and N log N guides),
 * and the drift of the hop and RSS scenarios over simulated time against each counter's bound.
 * Drift needs the "drift" traces the simulator writes since this report version; an older
 * simulation.json gets a note instead of the chart.
 */
final class SimCharts {
    private final double pageBytes;

    SimCharts(double pageBytes) {
        this.pageBytes = pageBytes;
    }

    double mb(double pages) {
        return pages * pageBytes / (1 << 20);
    }

    /** Bound and the adversary's worst, and bound and a random hop's worst, against N. */
    void scale(String prefix, JsonNode s, Report out) {
        Map<String, TreeMap<Integer, JsonNode>> byCounter = new LinkedHashMap<>();
        for (JsonNode r : s.path("rows")) {
            byCounter
                    .computeIfAbsent(r.path("counter").asText(), k -> new TreeMap<>())
                    .put(r.path("n").asInt(), r);
        }
        List<String> exact = new ArrayList<>();
        SeriesSet adversary = new SeriesSet();
        SeriesSet hop = new SeriesSet();
        for (Map.Entry<String, TreeMap<Integer, JsonNode>> e : byCounter.entrySet()) {
            String id = e.getKey();
            boolean any = false;
            for (Map.Entry<Integer, JsonNode> p : e.getValue().entrySet()) {
                JsonNode a = p.getValue().path("adversarial");
                double bound = Math.max(
                        a.path("bound").path("under").asDouble(),
                        a.path("bound").path("over").asDouble());
                any |= bound > 0;
                adversary.add(id, SeriesStyle.counter(id, 0), ChartSpec.Point.of(p.getKey(), worst(a)));
                adversary.addBound(id, ChartSpec.Point.of(p.getKey(), bound));
                hop.add(
                        id,
                        SeriesStyle.counter(id, 0),
                        ChartSpec.Point.of(p.getKey(), worst(p.getValue().path("hop"))));
                JsonNode hb = p.getValue().path("hop").path("bound");
                hop.addBound(
                        id,
                        ChartSpec.Point.of(
                                p.getKey(),
                                Math.max(
                                        hb.path("under").asDouble(),
                                        hb.path("over").asDouble())));
            }
            if (!any) {
                exact.add(id);
            }
        }
        String exactText =
                exact.isEmpty() ? "" : " Exact counters (bound 0, not drawn): " + String.join(", ", exact) + ".";
        List<ChartSpec.Series> a = new ArrayList<>(adversary.series());
        a.addAll(guides(byCounter));
        out.add(new Block.Chart(
                prefix + "scale-bound",
                new ChartSpec(
                        "Scale: how far can the cheap read be off on N CPUs? percpu_counter's O(N\u00b2) against the "
                                + "tree's O(N log N)",
                        "Thin dashed: each counter's bound, accuracy() (the larger of under and over); markers: the "
                                + "worst deviation an adversary reached; grey: N\u00b2 and N log\u2082 N through "
                                + "flat's and tree's bounds at the largest N. Counts (pages in the RSS reading); "
                                + "default batches." + exactText,
                        "CPUs (N)",
                        "counts",
                        true,
                        true,
                        a)));
        out.add(new Block.Chart(
                prefix + "scale-hop",
                new ChartSpec(
                        "Scale: how far does a task hopping to a random CPU every operation drive the read off, "
                                + "against N?",
                        "Markers: the worst |approximate - precise| of one task faulting pages in and unmapping them, "
                                + "on a new random CPU every operation; thin dashed: the bound of that run "
                                + "(per-thread's grows with the largest |delta|, the munmap). Counts."
                                + exactText,
                        "CPUs (N)",
                        "counts",
                        true,
                        true,
                        hop.series())));
    }

    /** Grey N^2 and N log2 N guides anchored at flat's and tree's bound at the smallest N. */
    private static List<ChartSpec.Series> guides(Map<String, TreeMap<Integer, JsonNode>> byCounter) {
        List<ChartSpec.Series> g = new ArrayList<>();
        guide(g, byCounter.get("flat"), "\u221d N\u00b2 (through flat)", 0, n -> (double) n * n);
        guide(g, byCounter.get("tree"), "\u221d N log\u2082 N (through tree)", 2, n -> n * (Math.log(n) / Math.log(2)));
        return g;
    }

    private static void guide(
            List<ChartSpec.Series> out,
            TreeMap<Integer, JsonNode> rows,
            String name,
            int dash,
            java.util.function.IntToDoubleFunction shape) {
        if (rows == null || rows.isEmpty()) {
            return;
        }
        int n0 = rows.lastKey();
        JsonNode a0 = rows.lastEntry().getValue().path("adversarial").path("bound");
        double b0 = Math.max(a0.path("under").asDouble(), a0.path("over").asDouble());
        if (!(b0 > 0)) {
            return;
        }
        List<ChartSpec.Point> ps = new ArrayList<>();
        for (int n : rows.keySet()) {
            ps.add(ChartSpec.Point.of(n, b0 * shape.applyAsDouble(n) / shape.applyAsDouble(n0)));
        }
        out.add(new ChartSpec.Series(name, ps, SeriesStyle.reference(dash)));
    }

    private static double worst(JsonNode r) {
        return Math.max(
                r.path("worst_deviation").path("under").asDouble(),
                r.path("worst_deviation").path("over").asDouble());
    }

    /**
     * Drift over simulated time: per row (a counter, and for hop-384 per hop order) the largest
     * |approximate - precise| within each trace point, in MB, against the counter's bound; one
     * chart per label. Returns false when the file has no drift traces.
     */
    boolean drift(String prefix, JsonNode s, String question, boolean logY, Report out) {
        Map<String, List<JsonNode>> byLabel = new LinkedHashMap<>();
        boolean traced = false;
        for (JsonNode r : s.path("rows")) {
            byLabel.computeIfAbsent(r.path("label").asText(""), k -> new ArrayList<>())
                    .add(r);
            traced |= r.path("drift").isObject();
        }
        if (!traced) {
            return false;
        }
        for (Map.Entry<String, List<JsonNode>> e : byLabel.entrySet()) {
            List<ChartSpec.Series> series = new ArrayList<>();
            long opsPerPoint = 0;
            for (JsonNode r : e.getValue()) {
                JsonNode d = r.path("drift");
                if (!d.isObject()) {
                    continue;
                }
                String id = r.path("counter").asText();
                long w = d.path("ops_per_point").asLong(1);
                opsPerPoint = Math.max(opsPerPoint, w);
                JsonNode mn = d.path("min");
                JsonNode mx = d.path("max");
                List<ChartSpec.Point> ps = new ArrayList<>();
                for (int i = 0; i < mn.size(); i++) {
                    double dev = Math.max(
                            Math.abs(mn.get(i).asDouble()), Math.abs(mx.path(i).asDouble()));
                    ps.add(ChartSpec.Point.of((i + 1) * (double) w / 1e6, mb(dev)));
                }
                SeriesStyle st = SeriesStyle.counter(id, 0);
                series.add(new ChartSpec.Series(
                        id, ps, new SeriesStyle(st.color(), null, 0, false, SeriesStyle.Kind.MEASURED)));
                double bound = Math.max(
                        r.path("bound").path("under").asDouble(),
                        r.path("bound").path("over").asDouble());
                double end = mn.size() * (double) w / 1e6;
                series.add(new ChartSpec.Series(
                        id + " bound " + fmtMb(mb(bound)),
                        List.of(ChartSpec.Point.of(w / 1e6, mb(bound)), ChartSpec.Point.of(end, mb(bound))),
                        SeriesStyle.bound(id)));
            }
            String label = e.getKey().isEmpty() || byLabel.size() == 1 ? "" : e.getKey() + ": ";
            String name = s.path("name").asText();
            out.add(new Block.Chart(
                    prefix + ThroughputCharts.slug(name + "-" + e.getKey() + "-drift"),
                    new ChartSpec(
                            name + ": " + label + question,
                            "Lines: the largest |approximate - precise| within each "
                                    + String.format(java.util.Locale.ROOT, "%,d", opsPerPoint)
                                    + " operations (exact after every operation, so no peak is missed), in MB of 4 "
                                    + "KiB pages; thin dashed: the counter's bound."
                                    + (logY ? " Points where the read was exact cannot be drawn on the log axis." : ""),
                            "simulated operations (millions)",
                            "|approximate - precise| (MB)",
                            false,
                            logY,
                            series)));
        }
        return true;
    }

    private static String fmtMb(double mb) {
        return String.format(java.util.Locale.ROOT, mb < 10 ? "%,.2f MB" : "%,.1f MB", mb);
    }
}
