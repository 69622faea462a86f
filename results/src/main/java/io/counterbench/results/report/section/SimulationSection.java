package io.counterbench.results.report.section;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterbench.inputs.Range;
import io.counterbench.results.jmh.JmhJson;
import io.counterbench.results.report.ReportContext;
import io.counterbench.results.report.table.SimPredictions;
import io.counterbench.results.report.table.SimTables;
import io.counterbench.results.report.write.Block;
import io.counterbench.results.report.write.Report;
import io.counterbench.results.run.RunInput;
import io.counterbench.results.util.InputException;
import io.counterbench.results.util.JsonFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's scenarios, from simulation.json, laid out as `simulate` prints them: per scenario
 * what it reproduces, the published figures, its table (MB where the heading says MB, thousands
 * separators) and its charts (scale against N; drift over time for hop-384 and rss-250), then the
 * simulator's speed and its checks. A scenario this report does not know is shown generically.
 */
final class SimulationSection implements ReportSection {
    static final String FILE = "simulation.json";

    @Override
    public String title() {
        return "Simulated machines";
    }

    @Override
    public String inputFile() {
        return FILE;
    }

    @Override
    public boolean has(RunInput run) {
        return run.file(FILE).isPresent();
    }

    @Override
    public void render(ReportContext ctx, List<RunInput> runs, Report out) {
        int index = 0;
        for (RunInput run : runs) {
            Path file = run.file(FILE).orElseThrow();
            JsonNode root = read(file);
            JsonNode scenarios = root.path("scenarios");
            String prefix = runs.size() > 1 ? "run" + (++index) + "-" : "";
            if (ctx.merged()) {
                out.heading(3, "Machine: " + ctx.label(run));
            }
            boolean partial = "incomplete".equals(root.path("status").asText("complete"));
            if (partial) {
                out.paragraph(partial(root));
            }
            double page = root.path("page_size_bytes").asDouble(4096);
            SimTables tables = new SimTables(page);
            SimCharts charts = new SimCharts(page);
            out.paragraph("simulate --seed " + root.path("seed").asText("?")
                    + (root.path("quick").asBoolean(false) ? " --quick" : "")
                    + ": every scenario derives its own random stream from this seed and its name, so the same seed "
                    + "and flags give the same numbers (all but the timings). The same counter code as the "
                    + "benchmarks, driven through explicit-placement adds on virtual machines; deviation is exact "
                    + "after every operation. MB: 2^20 bytes of "
                    + (long) page + "-byte pages.");
            for (JsonNode s : scenarios) {
                scenario(prefix, s, tables, charts, out);
            }
            JsonNode speed = root.path("timing").path("speed");
            if (speed.isArray() && speed.size() > 0) {
                out.heading(4, "speed of the simulator");
                out.add(tables.speed(speed));
                double agg =
                        root.path("timing").path("tree_ops_per_s_scenarios").asDouble(Double.NaN);
                out.paragraph((Double.isFinite(agg)
                                ? "The scenarios' tree simulations of 1M+ operations together: "
                                        + SimTables.decimal(agg / 1e6, 1) + " M simulated ops/s. "
                                : "")
                        + "Wall time: "
                        + SimTables.decimal(root.path("timing").path("wall_s").asDouble(Double.NaN), 1) + " s.");
            }
            JsonNode failures = root.path("checks").path("failures");
            String of = partial ? " (of the finished scenarios only)" : "";
            if (failures.isNumber()) {
                out.note(
                        failures.asLong() == 0 && partial
                                ? "checks of the finished scenarios only: no bound "
                                        + "violation, "
                                        + "precise() always equal to the exact value, no wrong victim with precise "
                                        + "fallback"
                                : failures.asLong() == 0
                                        ? "checks: no bound violation, precise() always equal to the exact value, no "
                                                + "wrong victim with precise fallback"
                                        : "checks FAILED: " + failures.asLong()
                                                + " (bound violations, precise mismatches or wrong exact victims)"
                                                + of);
            } else if (failures.isArray()) {
                out.note(
                        failures.isEmpty()
                                ? "checks: no bound violation, precise() always equal to the exact value"
                                : "checks FAILED: " + failures);
            }
        }
    }

    /** Failures the simulator counted: bound violations, precise mismatches, wrong victims. */
    static final Range FAILURES = new Range("a count of failed checks", 0, Long.MAX_VALUE);
    /** Bounds and worst deviations: magnitudes in counter units. */
    static final Range DEVIATION = new Range("a deviation in counter units", 0, Long.MAX_VALUE);
    /** A drift point's deviation: approximate minus exact, either sign. */
    static final Range SIGNED = new Range("a deviation in counter units", Long.MIN_VALUE + 1, Long.MAX_VALUE);

    static final Range OPS_PER_POINT = new Range("operations per drift point", 1, Long.MAX_VALUE);
    /** The simulated page size: MB columns divide by it. */
    static final Range PAGE_BYTES = new Range("a page size in bytes", 1, 1L << 30);

    /** The line a partial simulation gets above everything else: what it holds is not the whole run. */
    static String partial(JsonNode root) {
        List<String> missing = new ArrayList<>();
        root.path("scenarios_missing").forEach(m -> missing.add(m.asText()));
        String reason = root.path("reason").asText("");
        return "PARTIAL RUN (simulation.json status: incomplete" + (reason.isEmpty() ? "" : ", " + reason)
                + "): only the " + root.path("scenarios").size() + " scenario(s) finished before it stopped are below"
                + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                + ". Run simulate again for the whole set.";
    }

    /**
     * Reads simulation.json and checks its shape: an object whose "scenarios" are objects with
     * "rows" arrays of objects, and whose checks.failures, when given, is a count ({@link #FAILURES})
     * or, as older files have it, a list.
     * Every input is read before any report file is written, so this runs in {@link #render}.
     */
    static JsonNode read(Path file) {
        JsonNode root = JmhJson.readTree(file);
        JsonNode scenarios = root.path("scenarios");
        if (!root.isObject() || !scenarios.isArray()) {
            throw InputException.of(file, "not a simulation file: expected an object with a \"scenarios\" array");
        }
        int i = 0;
        for (JsonNode s : scenarios) {
            i++;
            if (!s.isObject()) {
                throw InputException.of(file, "scenario " + i + " is " + JsonFields.kind(s) + ", not an object");
            }
            JsonNode rows = JsonFields.array(file, "scenario " + i + ": ", s, "rows");
            if (rows != null) {
                int k = 0;
                for (JsonNode r : rows) {
                    k++;
                    if (!r.isObject()) {
                        throw InputException.of(
                                file, "scenario " + i + ": a row is " + JsonFields.kind(r) + ", not an object");
                    }
                    row(file, "scenario " + i + " row " + k + ": ", r, 0);
                }
            }
            JsonFields.object(file, "scenario " + i + ": ", s, "published");
        }
        String status = JsonFields.text(file, "", root, "status");
        if (status != null && !status.equals("complete") && !status.equals("incomplete")) {
            throw InputException.of(file, "status is \"" + status + "\": complete or incomplete");
        }
        JsonNode checks = JsonFields.object(file, "", root, "checks");
        if (checks != null && !checks.path("failures").isArray()) {
            JsonFields.whole(file, "checks.", checks, "failures", FAILURES, 0);
        }
        JsonFields.whole(file, "", root, "page_size_bytes", PAGE_BYTES, 4096);
        JsonNode timing = JsonFields.object(file, "", root, "timing");
        if (timing != null) {
            JsonFields.array(file, "timing.", timing, "speed");
        }
        return root;
    }

    private static void scenario(String prefix, JsonNode s, SimTables tables, SimCharts charts, Report out) {
        String name = s.path("name").asText("scenario");
        out.heading(4, name + ": " + s.path("reproduces").asText(""));
        JsonNode pub = s.path("published");
        if (pub.isObject() && pub.size() > 0) {
            List<String> parts = new ArrayList<>();
            pub.fields()
                    .forEachRemaining(e -> parts.add(
                            e.getKey().replace('_', ' ') + ": " + e.getValue().asText()));
            out.paragraph("Published: " + String.join("; ", parts) + ".");
        }
        switch (name) {
            case "rss-250" -> {
                out.add(tables.rss(s));
                if (!charts.drift(
                        prefix,
                        s,
                        "how far off is the RSS reading over time, against each counter's bound?",
                        true,
                        out)) {
                    noTrace(out);
                }
                out.add(tables.coherence(s, null));
            }
            case "hop-384" -> {
                if (s.has("tree_bound_pages")) {
                    out.paragraph("HPCC's bound for "
                            + s.path("rows").path(0).path("pus").asText("?") + " CPUs: under = batch x M = "
                            + SimTables.count(s.path("tree_bound_pages")) + " pages = "
                            + tables.mb(s.path("tree_bound_pages").asDouble())
                            + " MB; M = " + SimTables.count(s.path("tree_multiplier")) + ".");
                }
                out.add(tables.hop(s));
                if (!charts.drift(
                        prefix,
                        s,
                        "how far do percpu_counter and the tree drift over time, against their bounds?",
                        false,
                        out)) {
                    noTrace(out);
                }
                out.add(tables.coherence(s, "hop"));
            }
            case "oom-select" -> out.add(tables.oom(s));
            case "scale" -> {
                charts.scale(prefix, s, out);
                out.add(tables.scaleBound(s));
                out.add(tables.scaleWorst(s));
                out.add(tables.scaleHop(s));
            }
            default -> {
                if (SimTables.resultShaped(s)) {
                    out.note("Deviations in counter units.");
                    out.add(tables.results(s));
                    charts.drift(prefix, s, "how far off is the read over time, against the bound?", false, out);
                } else {
                    generic(out, s.path("rows"));
                }
            }
        }
        SimPredictions.render(s, out);
    }

    /**
     * The numbers of a row the tables and charts draw: bounds and worst deviations (counts, at
     * least 0, in nested results too) and the drift trace (points of whole deviations, at least one
     * operation per point, min and max of one length).
     */
    private static void row(Path file, String where, JsonNode r, int depth) {
        for (String magnitude : List.of("bound", "worst_deviation")) {
            JsonNode m = JsonFields.object(file, where, r, magnitude);
            if (m != null) {
                JsonFields.whole(file, where + magnitude + ".", m, "under", DEVIATION, 0);
                JsonFields.whole(file, where + magnitude + ".", m, "over", DEVIATION, 0);
            }
        }
        JsonNode drift = JsonFields.object(file, where, r, "drift");
        if (drift != null) {
            JsonFields.whole(file, where + "drift.", drift, "ops_per_point", OPS_PER_POINT, 1);
            JsonFields.whole(file, where + "drift.", drift, "last_point_ops", DEVIATION, 0);
            JsonNode min = JsonFields.array(file, where + "drift.", drift, "min");
            JsonNode max = JsonFields.array(file, where + "drift.", drift, "max");
            int n = 0;
            for (JsonNode points : new JsonNode[] {min, max}) {
                if (points != null) {
                    for (JsonNode v : points) {
                        JsonFields.whole(file, where + "drift point " + (++n), v, SIGNED);
                    }
                }
            }
            if (min != null && max != null && min.size() != max.size()) {
                throw InputException.of(
                        file, where + "drift has " + min.size() + " min points but " + max.size() + " max points");
            }
        }
        if (depth < 2) {
            r.fields().forEachRemaining(e -> {
                if (e.getValue().isObject() && !e.getKey().equals("drift")) {
                    row(file, where + e.getKey() + ".", e.getValue(), depth + 1);
                }
            });
        }
    }

    private static void noTrace(Report out) {
        out.note("No drift chart: this simulation.json predates drift traces; run `simulate` again (same seed, same "
                + "numbers) to get it.");
    }

    /**
     * Rows of a scenario this report does not know: every scalar field, nested ones as a.b, numbers with separators.
     */
    private static void generic(Report out, JsonNode rows) {
        if (!rows.isArray() || rows.isEmpty()) {
            return;
        }
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode r : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            flatten("", r, cells, 0);
            columns.addAll(cells.keySet());
            flat.add(cells);
        }
        List<String> header = new ArrayList<>(columns);
        List<List<String>> body = new ArrayList<>();
        for (Map<String, String> m : flat) {
            body.add(header.stream().map(c -> m.getOrDefault(c, "")).toList());
        }
        out.add(new Block.Table("", header, header.stream().map(h -> false).toList(), body));
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out, int depth) {
        if (List.of("seed", "drift", "timing", "note").contains(prefix)) {
            return;
        }
        if (n.isObject() && depth < 3) {
            n.fields()
                    .forEachRemaining(e -> flatten(
                            prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, depth + 1));
        } else if (n.isValueNode()) {
            out.put(prefix, n.isNull() ? "n/a" : SimTables.count(n));
        }
    }
}
