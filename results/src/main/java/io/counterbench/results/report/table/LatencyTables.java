package io.counterbench.results.report.table;

import io.counterbench.results.latency.ClassSummary;
import io.counterbench.results.latency.LatencyRun;
import io.counterbench.results.latency.Stats;
import io.counterbench.results.report.chart.HeatmapSpec;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.MarkdownWriter;
import io.counterbench.results.report.write.RenderedCharts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of a latency run, for the report and the latency command's console alike: the
 * summary per distance class and the CPU x CPU matrix of median round trips.
 */
public final class LatencyTables {
    /** The console prints the matrix up to this many CPUs; the report's heatmap draws any size. */
    public static final int MAX_PRINTED_CPUS = 32;

    private LatencyTables() {}

    /** One row per distance class measured, nearest first. */
    public static Block.Table summary(LatencyRun run) {
        List<List<String>> rows = new ArrayList<>();
        boolean storeLoad = false;
        for (ClassSummary c : run.classes()) {
            storeLoad |= !c.storeLoad().isEmpty();
        }
        for (ClassSummary c : run.classes()) {
            List<String> r = new ArrayList<>(List.of(
                    c.cls() + " (" + LatencyRun.label(c.cls()) + ")",
                    String.valueOf(c.pairs()),
                    ns(c.cas().median()),
                    spread(c.cas()),
                    spread(c.casSamples()),
                    ns(c.oneWayNs())));
            if (storeLoad) {
                r.add(ns(c.storeLoad().median()));
                r.add(spread(c.storeLoad()));
                r.add(spread(c.storeLoadSamples()));
            }
            rows.add(r);
        }
        List<String> header = new ArrayList<>(List.of(
                "distance class", "pairs", "CAS round trip ns", "pairs' medians", "single samples", "one-way ns"));
        if (storeLoad) {
            header.add("store/load round trip ns");
            header.add("pairs' medians");
            header.add("single samples");
        }
        List<Boolean> numeric = new ArrayList<>(Collections.nCopies(header.size(), true));
        numeric.set(0, false);
        return new Block.Table(
                "Per distance class: the median over the class's pairs of each pair's median round trip (ns), the "
                        + "spread (min - max) of those medians and of every single sample. One-way = CAS round trip / "
                        + "2, what the simulator's cost model charges for one line move at that distance.",
                header,
                numeric,
                rows);
    }

    /** The CAS (or store/load) matrix in topology order; "-" where no pair was measured. */
    public static Block.Table matrix(LatencyRun run, boolean cas) {
        int[] cpus = run.cpus();
        double[][] m = run.matrix(cas);
        List<String> header = new ArrayList<>();
        header.add("CPU");
        for (int c : cpus) {
            header.add(String.valueOf(c));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < cpus.length; i++) {
            List<String> r = new ArrayList<>();
            r.add(String.valueOf(cpus[i]));
            for (int j = 0; j < cpus.length; j++) {
                r.add(i == j ? "" : Double.isFinite(m[i][j]) ? ns(m[i][j]) : "-");
            }
            rows.add(r);
        }
        List<Boolean> numeric = new ArrayList<>(Collections.nCopies(header.size(), true));
        return new Block.Table(
                (cas ? "CAS ping-pong" : "Store/load") + " median round trip per pair in ns, CPUs in topology order",
                header,
                numeric,
                rows);
    }

    /** A table as Markdown text (what the report's Markdown shows), for a console. */
    public static String markdown(Block.Table t) {
        StringBuilder b = new StringBuilder();
        MarkdownWriter.table(b, t, new RenderedCharts(Map.of(), Map.of(), null));
        return b.toString();
    }

    /** The heatmap of the CAS (or store/load) round trips, CPUs in topology order. */
    public static HeatmapSpec heatmap(LatencyRun run, boolean cas) {
        int[] cpus = run.cpus();
        List<String> labels = new ArrayList<>();
        for (int c : cpus) {
            labels.add(String.valueOf(c));
        }
        String method = cas ? "CAS ping-pong" : "store/load";
        return new HeatmapSpec(
                cas
                        ? "How long does one cache line take to go from one CPU to another and back?"
                        : "The same with a release store and acquire loads instead of CAS",
                "Median " + method + " round trip per pair in ns ("
                        + (run.settings().samples() > 0 ? run.settings().samples() + " samples per pair, " : "")
                        + "light fast, dark slow), CPUs in topology order: SMT siblings, then the cores of an LLC, of "
                        + "a node, of a package. White: not measured. A VM's vCPUs need not sit where its topology "
                        + "says.",
                "CPU (topology order)",
                labels,
                run.matrix(cas),
                "round trip (ns)");
    }

    static String ns(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    static String spread(Stats s) {
        if (s.isEmpty()) {
            return "n/a";
        }
        return ns(s.min()) + " - " + ns(s.max());
    }
}
