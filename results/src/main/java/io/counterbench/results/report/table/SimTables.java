package io.counterbench.results.report.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.results.report.write.Block;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's tables, the one home of each: `simulate` prints them from the scenario's JSON it
 * is about to write, and the report builds them from simulation.json: pages converted to
 * MB (of 2^20 bytes) where a heading says MB, counts with thousands separators, the published
 * figure beside each simulated row. One method per scenario the simulator ships, and one for rows
 * of any other scenario (the custom one, or one added later) shaped like the simulator's results.
 */
public final class SimTables {
    private final double pageBytes;

    /** Tables whose MB columns count pages of {@code pageBytes} bytes. */
    public SimTables(double pageBytes) {
        this.pageBytes = pageBytes;
    }

    /** "192.0", "1.25", "0" (MB: two decimals below 10, one above; the caller's heading says MB). */
    public String mb(double pages) {
        double mb = pages * pageBytes / (1 << 20);
        if (mb == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, Math.abs(mb) < 10 ? "%,.2f" : "%,.1f", mb);
    }

    public static String count(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "n/a";
        }
        if (n.isIntegralNumber()) {
            return String.format(Locale.ROOT, "%,d", n.asLong());
        }
        if (n.isNumber()) {
            return decimal(n.asDouble(), 1);
        }
        return n.asText();
    }

    public static String decimal(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + digits + "f", v) : "n/a";
    }

    /**
     * The published figure for a row: its own short "published" text where the simulator wrote one, else the
     * scenario's "published" entry named after the counter (or counter_N_processes), as older files have it.
     */
    static String published(JsonNode scenario, JsonNode row, String processes) {
        if (row.path("published").isTextual()) {
            return row.path("published").asText();
        }
        String counter = row.path("counter").asText();
        JsonNode pub = scenario.path("published");
        if (pub.has(counter)) {
            return pub.get(counter).asText();
        }
        String key = counter.replace('-', '_') + "_" + processes + "_processes";
        return pub.has(key) ? pub.get(key).asText() : "-";
    }

    private static long worst(JsonNode r) {
        return Math.max(
                r.path("worst_deviation").path("under").asLong(),
                r.path("worst_deviation").path("over").asLong());
    }

    /** rss-250: bound and worst deviations in MB, RSS at exit, the published figures. */
    public Block.Table rss(JsonNode s) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : s.path("rows")) {
            long under = r.path("bound").path("under").asLong();
            long over = r.path("bound").path("over").asLong();
            rows.add(List.of(
                    r.path("counter").asText(),
                    count(r.path("batch")),
                    mb(under) + (under == over ? "" : " / " + mb(over)),
                    mb(r.path("worst_deviation").path("under").asLong()),
                    mb(r.path("worst_deviation").path("over").asLong()),
                    mb(r.path("mean_abs_deviation").asDouble()),
                    mb(r.path("final_deviation").asLong()),
                    count(r.path("violations")),
                    published(s, r, "")));
        }
        return table(
                rows,
                "counter",
                "batch",
                "bound (MB)",
                "worst under (MB)",
                "worst over (MB)",
                "mean |dev| (MB)",
                "at exit, RSS 0 (MB)",
                "violations",
                "published");
    }

    /** hop-384: drift in MB against the bound and the reachable depth, the published figures. */
    public Block.Table hop(JsonNode s) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : s.path("rows")) {
            JsonNode reach = r.path("reachable_under");
            rows.add(List.of(
                    r.path("label").asText(),
                    r.path("counter").asText(),
                    count(r.path("batch")),
                    mb(r.path("bound").path("under").asLong()),
                    reach.isNumber() ? mb(reach.asLong()) : "= bound",
                    mb(worst(r)),
                    mb(r.path("mean_abs_deviation").asDouble()),
                    count(r.path("violations")),
                    published(s, r, "")));
        }
        return table(
                rows,
                "hop",
                "counter",
                "batch",
                "bound (MB)",
                "reachable (MB)",
                "worst drift (MB)",
                "mean drift (MB)",
                "violations",
                "published");
    }

    /** oom-select: wrong victims of approximate reads, precise sums always against with fallback. */
    public Block.Table oom(JsonNode s) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : s.path("rows")) {
            long sel = Math.max(1, r.path("selections").asLong());
            long wrong = r.path("approximate_only_wrong_victims").asLong();
            double reduction = r.path("precise_sums_reduction").asDouble(Double.NaN);
            rows.add(List.of(
                    count(r.path("processes")),
                    r.path("counter").asText(),
                    mb(r.path("bound").path("under").asLong()),
                    mb(worst(r)),
                    count(r.path("selections")),
                    String.format(Locale.ROOT, "%d (%.1f%%)", wrong, 100.0 * wrong / sel),
                    String.format(
                            Locale.ROOT, "%,d", r.path("always_precise_sums").asLong() / sel),
                    decimal(r.path("fallback_precise_sums_per_selection").asDouble(Double.NaN), 1),
                    Double.isFinite(reduction) ? decimal(reduction, 1) + "x" : "all",
                    count(r.path("fallback_wrong_victims")),
                    published(s, r, r.path("processes").asText())));
        }
        return table(
                rows,
                "processes",
                "counter",
                "bound (MB)",
                "worst dev (MB)",
                "selections",
                "approx-only wrong victim",
                "precise sums per selection: always",
                "with fallback",
                "fewer by",
                "fallback wrong",
                "published");
    }

    /** scale: the bound of each counter at each N, accuracy() under / over, in counts. */
    public Block.Table scaleBound(JsonNode s) {
        return scale(
                s,
                "Bound, accuracy() under / over (one number when equal), counts",
                r -> underOver(r.path("adversarial").path("bound")));
    }

    /** scale: the worst deviation the adversary reached, under / over. */
    public Block.Table scaleWorst(JsonNode s) {
        return scale(
                s,
                "Worst deviation the adversary reached, under / over (flat, per-node, per-thread reach their "
                        + "bound; the trees reach their reachable depth and never read above the precise sum)",
                r -> underOver(r.path("adversarial").path("worst_deviation")));
    }

    /** scale: the worst drift of one task hopping every operation. */
    public Block.Table scaleHop(JsonNode s) {
        JsonNode ops = s.path("rows").path(0).path("hop").path("ops");
        return scale(
                s,
                "Worst drift of one task hopping to a random CPU every operation ("
                        + (ops.isIntegralNumber() ? count(ops) + " operations: " : "")
                        + "faults of one page, munmap of a region)",
                r -> String.format(
                        Locale.ROOT,
                        "%,d",
                        Math.max(
                                r.path("hop")
                                        .path("worst_deviation")
                                        .path("under")
                                        .asLong(),
                                r.path("hop")
                                        .path("worst_deviation")
                                        .path("over")
                                        .asLong())));
    }

    /** scale: one N x counter table of the cell each row gives, in counts. */
    private Block.Table scale(JsonNode s, String caption, java.util.function.Function<JsonNode, String> cell) {
        Map<Integer, Map<String, String>> byN = new java.util.TreeMap<>();
        Set<String> counters = new LinkedHashSet<>();
        for (JsonNode r : s.path("rows")) {
            counters.add(r.path("counter").asText());
            byN.computeIfAbsent(r.path("n").asInt(), k -> new LinkedHashMap<>())
                    .put(r.path("counter").asText(), cell.apply(r));
        }
        List<String> header = new ArrayList<>(List.of("N"));
        header.addAll(counters);
        List<List<String>> rows = new ArrayList<>();
        byN.forEach((n, cells) -> {
            List<String> row = new ArrayList<>(List.of(String.format(Locale.ROOT, "%,d", n)));
            counters.forEach(c -> row.add(cells.getOrDefault(c, "")));
            rows.add(row);
        });
        return new Block.Table(caption, header, header.stream().map(h -> true).toList(), rows);
    }

    public static String underOver(JsonNode pair) {
        long u = pair.path("under").asLong();
        long o = pair.path("over").asLong();
        return u == o ? String.format(Locale.ROOT, "%,d", u) : String.format(Locale.ROOT, "%,d / %,d", u, o);
    }

    /** Rows shaped like the simulator's results (custom and future scenarios): deviations in counter units. */
    public Block.Table results(JsonNode s) {
        return results(s, false);
    }

    /**
     * {@link #results(JsonNode)}, with {@code speed} a last column of simulated operations per second
     * (the row's timing: `simulate` prints it, the report leaves timings to its speed table).
     */
    public Block.Table results(JsonNode s, boolean speed) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : s.path("rows")) {
            List<String> row = new ArrayList<>(List.of(
                    r.path("label").asText(""),
                    r.path("counter").asText(),
                    r.path("topology").asText(""),
                    count(r.path("batch")),
                    underOver(r.path("bound")),
                    count(r.path("reachable_under")),
                    underOver(r.path("worst_deviation")),
                    decimal(r.path("mean_abs_deviation").asDouble(Double.NaN), 1),
                    count(r.path("final_deviation")),
                    count(r.path("violations")),
                    count(r.path("ops"))));
            if (speed) {
                row.add(decimal(r.path("timing").path("ops_per_s").asDouble(Double.NaN) / 1e6, 1) + " M");
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of(
                "run",
                "counter",
                "topology",
                "batch",
                "bound under / over",
                "reachable",
                "worst under / over",
                "mean |dev|",
                "final",
                "violations",
                "ops"));
        if (speed) {
            header.add("ops/s");
        }
        return table(rows, header.toArray(String[]::new));
    }

    /** True when every row has the simulator's result shape (bound and worst_deviation objects). */
    public static boolean resultShaped(JsonNode s) {
        JsonNode rows = s.path("rows");
        if (!rows.isArray() || rows.isEmpty()) {
            return false;
        }
        for (JsonNode r : rows) {
            if (!r.path("bound").isObject() || !r.path("worst_deviation").isObject()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The coherence model's counts per million operations ("n/a" where the counter's lines cannot be seen).
     *
     * @param labelHeader the heading of a first column of each row's label (e.g. "hop"), or null for none
     */
    public Block.Table coherence(JsonNode s, String labelHeader) {
        boolean withLabel = labelHeader != null;
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : s.path("rows")) {
            List<String> row = new ArrayList<>();
            if (withLabel) {
                row.add(r.path("label").asText());
            }
            row.add(r.path("counter").asText());
            JsonNode c = r.path("coherence");
            JsonNode m = c.path("line_moves_per_mop");
            if (!c.isObject()) {
                row.addAll(List.of("n/a", "n/a", "n/a", "n/a", "n/a"));
            } else {
                row.add(decimal(c.path("slow_path_writes_per_mop").asDouble(Double.NaN), 0));
                for (String k : List.of("from_other_core", "from_other_llc", "from_other_node", "from_other_package")) {
                    row.add(decimal(m.path(k).asDouble(Double.NaN), 0));
                }
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(withLabel ? List.of(labelHeader, "counter") : List.of("counter"));
        header.addAll(List.of("carries + flushes", "other core", "other LLC", "other node", "other package"));
        return new Block.Table(
                "Coherence model, per million operations: slow-path writes (tree carries, flushes into a total), and "
                        + "writes that found their cache line last written by a CPU in another core / LLC / NUMA node "
                        + "/ package (cumulative: a cross-package move counts in every column).",
                header,
                numeric(header, withLabel ? 2 : 1),
                rows);
    }

    /** The simulator's speed probes. */
    public Block.Table speed(JsonNode speed) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : speed) {
            rows.add(List.of(
                    r.path("run").asText(),
                    r.path("counter").asText(),
                    r.path("topology").asText(),
                    count(r.path("ops")),
                    decimal(r.path("elapsed_s").asDouble(Double.NaN), 2),
                    decimal(r.path("ops_per_s").asDouble(Double.NaN) / 1e6, 1) + " M"));
        }
        return table(rows, "run", "counter", "topology", "ops", "seconds", "simulated ops/s");
    }

    private static Block.Table table(List<List<String>> rows, String... header) {
        List<String> h = List.of(header);
        List<Boolean> numeric = new ArrayList<>();
        for (String c : h) {
            numeric.add(!List.of("counter", "hop", "run", "topology", "published", "label")
                    .contains(c));
        }
        return new Block.Table("", h, numeric, rows);
    }

    private static List<Boolean> numeric(List<String> header, int text) {
        List<Boolean> n = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            n.add(i >= text);
        }
        return n;
    }

    /** Every field name of the rows, for the generic fallback. */
    static List<String> fields(JsonNode rows) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode r : rows) {
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        return List.copyOf(names);
    }
}
